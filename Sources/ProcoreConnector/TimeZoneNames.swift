import Foundation

/// Checks for IANA time zone names such as `America/Los_Angeles` or `US/Pacific`.
enum TimeZoneNames {
    /// IANA zone names without a slash; Foundation also accepts abbreviations (`PST`) and offsets
    /// (`GMT+5`), which are not IANA names, so slash-less names must be in this list.
    private static let singleWordZones: Set<String> = [
        "UTC", "GMT", "UCT", "Universal", "Zulu", "Greenwich", "EST", "MST", "HST",
        "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT", "CET", "EET", "MET", "WET",
    ]

    /// Whether `name` is an IANA time zone this machine knows, including backward-compatible
    /// links such as `US/Pacific` that the manual's sample uses.
    static func isKnown(_ name: String) -> Bool {
        guard TimeZone(identifier: name) != nil else { return false }
        return name.contains("/") || singleWordZones.contains(name) || TimeZone.knownTimeZoneIdentifiers.contains(name)
    }
}

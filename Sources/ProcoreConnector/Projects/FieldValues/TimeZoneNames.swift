import Foundation
import Synchronization

/// Checks for IANA time zone names such as `America/Los_Angeles` or `US/Pacific`.
///
/// Names are looked up in the system's time zone database (`/usr/share/zoneinfo`) when it is
/// there, and through Foundation otherwise. Foundation answers from ICU, whose zone tables cost
/// about 2 MB of resident memory once touched; the database costs one small read per new name.
enum TimeZoneNames {
    /// IANA zone names without a slash; Foundation also accepts abbreviations (`PST`) and offsets
    /// (`GMT+5`), which are not IANA names, so slash-less names must be in this list or in the
    /// zone database.
    private static let singleWordZones: Set<String> = [
        "UTC", "GMT", "UCT", "Universal", "Zulu", "Greenwich", "EST", "MST", "HST",
        "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT", "CET", "EET", "MET", "WET",
    ]

    /// The system's zone database, when this machine has one.
    private static let databaseDirectory: String? = {
        let path = "/usr/share/zoneinfo"
        return FileManager.default.fileExists(atPath: path + "/UTC") ? path : nil
    }()

    /// Answers already found, so a name costs one lookup; bounded, as names come from requests.
    private static let answers = Mutex<[String: Bool]>([:])
    private static let maximumRemembered = 1024

    /// Whether `name` is an IANA time zone this machine knows, including backward-compatible
    /// links such as `US/Pacific` that the manual's sample uses.
    static func isKnown(_ name: String) -> Bool {
        // Only well-formed names are remembered, so an answer found needs no other check.
        if let known = answers.withLock({ $0[name] }) { return known }
        if singleWordZones.contains(name) { return true }
        guard isWellFormed(name) else { return false }
        let known = databaseDirectory.map { inDatabase(name, directory: $0) } ?? knownToFoundation(name)
        answers.withLock { answers in
            if answers.count >= maximumRemembered { answers.removeAll(keepingCapacity: true) }
            answers[name] = known
        }
        return known
    }

    /// IANA names are ASCII segments separated by `/`, each starting with a capital letter
    /// (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`); this also keeps a name from reaching
    /// outside the database directory.
    static func isWellFormed(_ name: String) -> Bool {
        name.withUTF8Bytes { bytes in
            guard !bytes.isEmpty, bytes.count <= 64 else { return false }
            var segmentStarts = true
            for byte in bytes {
                if segmentStarts {
                    guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { return false }
                    segmentStarts = false
                    continue
                }
                switch byte {
                case UInt8(ascii: "/"):
                    segmentStarts = true
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"):
                    continue
                default:
                    return false
                }
            }
            // A trailing `/` leaves an empty last segment.
            return !segmentStarts
        }
    }

    /// Whether the database has a zone file (it starts with `TZif`) for `name`.
    private static func inDatabase(_ name: String, directory: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: directory + "/" + name) else { return false }
        defer { try? handle.close() }
        guard let magic = try? handle.read(upToCount: 4) else { return false }
        return Array(magic) == Array("TZif".utf8)
    }

    private static func knownToFoundation(_ name: String) -> Bool {
        guard TimeZone(identifier: name) != nil else { return false }
        return name.contains("/") || TimeZone.knownTimeZoneIdentifiers.contains(name)
    }
}

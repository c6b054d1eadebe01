import Testing
@testable import ProcoreConnector

@Suite struct TimeZoneNamesTests {
    @Test(arguments: [
        ("US/Pacific", true), ("America/Los_Angeles", true), ("America/Argentina/Buenos_Aires", true),
        ("Etc/GMT+5", true), ("UTC", true), ("GMT", true), ("Japan", true), ("Europe/Berlin", true),
        ("Mars/Olympus_Mons", false), ("America", false), ("PST", false), ("GMT+5", false),
        ("posixrules", false), ("localtime", false), ("right/UTC", false), ("zone.tab", false),
        ("../../../etc/passwd", false), ("America/../Europe/Berlin", false), ("/etc/passwd", false),
        ("", false), ("America/Los Angeles", false), ("US/Pacific/", false),
    ])
    func knownNames(name: String, known: Bool) {
        #expect(TimeZoneNames.isKnown(name) == known)
        // A second lookup is answered from memory and must agree.
        #expect(TimeZoneNames.isKnown(name) == known)
    }
}

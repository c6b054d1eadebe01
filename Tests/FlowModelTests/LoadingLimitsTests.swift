import Foundation
import FlowCore
import FlowModel
import Testing

/// Issue 21 L11 and the absolute-import bug: what configuration loading refuses to read or
/// build, with located errors, and absolute `<import file>` paths.
@Suite struct LoadingLimitsTests {
    @Test("an absolute <import file> path is read")
    func absoluteImport() throws {
        let shared = try TestApp(["elsewhere/common.xml": TestApp.wrap(#"<sub-flow name="shared"><logger message="hi"/></sub-flow>"#)])
        defer { try? FileManager.default.removeItem(atPath: shared.directory) }
        let path = shared.directory + "/elsewhere/common.xml"
        let app = try TestApp(["flows/main.xml": TestApp.wrap(#"<import file="\#(path)"/><flow name="main"><flow-ref name="shared"/></flow>"#)])
        defer { try? FileManager.default.removeItem(atPath: app.directory) }
        let result = app.load()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.app?.subFlows.map(\.name) == ["shared"])
    }

    @Test("<import file=\"/dev/zero\"> is refused without reading it")
    func deviceImport() throws {
        let app = try TestApp(["flows/main.xml": TestApp.wrap(#"<import file="/dev/zero"/><flow name="main"><logger message="hi"/></flow>"#)])
        defer { try? FileManager.default.removeItem(atPath: app.directory) }
        #expect(app.messages() == ["/dev/zero:1:1: error: cannot read file: it is not a regular file"])
    }

    @Test("an imported file over 10 MiB is refused")
    func hugeImport() throws {
        let padding = String(repeating: "<!-- padding padding padding padding padding padding padding padding padding -->\n", count: 130_000)
        let app = try TestApp([
            "flows/main.xml": TestApp.wrap(#"<import file="big.xml"/><flow name="main"><logger message="hi"/></flow>"#),
            "big.xml": TestApp.wrap(padding),
        ])
        defer { try? FileManager.default.removeItem(atPath: app.directory) }
        #expect(app.messages() == ["big.xml:1:1: error: cannot read file: it is larger than 10 MiB"])
    }

    @Test("a properties file that is a device behind a symlink is refused")
    func deviceProperties() throws {
        let app = try TestApp(["flows/main.xml": TestApp.wrap(#"<configuration-properties file="zero.properties"/><flow name="main"><logger message="hi"/></flow>"#)])
        defer { try? FileManager.default.removeItem(atPath: app.directory) }
        try FileManager.default.createSymbolicLink(atPath: app.directory + "/zero.properties", withDestinationPath: "/dev/zero")
        #expect(app.messages() == ["flows/main.xml:2:33: error: Couldn't read from file zero.properties: it is not a regular file"])
    }

    @Test("a ${} chain that doubles at every step stops at 1 MiB with an error where it is used")
    func expansionSize() throws {
        // l30 would be 2 GiB; the old expander took 55 s for l24.
        var lines = ["l0=ab"]
        for level in 1...30 { lines.append("l\(level)=${l\(level - 1)}${l\(level - 1)}") }
        let app = try TestApp([
            "flows/main.xml": TestApp.wrap(#"<configuration-properties file="chain.properties"/><flow name="main"><logger message="${l30}"/></flow>"#),
            "chain.properties": lines.joined(separator: "\n") + "\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: app.directory) }
        #expect(app.messages() == ["flows/main.xml:2:87: error: Property placeholders expand to more than 1048576 bytes (1 MiB) in ${l30}"])
    }
}

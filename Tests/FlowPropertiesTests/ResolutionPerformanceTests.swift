import FlowCore
import Testing
@testable import FlowProperties

@Suite("Resolution performance")
struct ResolutionPerformanceTests {
    /// A generated app of thousands of flows resolves every attribute once at load time. Speed
    /// is measured in bench/validate, not here; the minute's limit only stops a resolver that
    /// went quadratic (or regex-based) from passing after a very long wait.
    @Test("100,000 attribute values resolve", .timeLimit(.minutes(1)))
    func hundredThousandValues() throws {
        var text = ""
        for index in 0..<1_000 {
            text += "service\(index).host=host-\(index).example\nservice\(index).url=https://${service\(index).host}:${http.port}/v1\n"
        }
        text += "http.port=8443\n"
        let resolver = PropertyResolver(
            environment: ["HOME": "/root", "PATH": "/usr/bin"],
            files: [PropertiesFile.parseProperties(text: text, displayName: "big.properties").file]
        )
        let location = FlowCore.SourceLocation(file: "flows/big.xml", line: 1, column: 1)
        let values = (0..<100_000).map { index in
            index % 2 == 0 ? "plain attribute value \(index)" : "${service\(index % 1_000).url}?page=${http.port}"
        }

        var totalLength = 0
        for value in values {
            totalLength += try resolver.resolve(value, at: location).value.utf8.count
        }
        #expect(totalLength > 2_000_000)
    }
}

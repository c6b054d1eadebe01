import FlowCore
import Testing
@testable import FlowProperties

@Suite("YAML configuration properties")
struct YAMLPropertiesTests {
    private func location(_ line: Int, _ column: Int) -> FlowCore.SourceLocation {
        FlowCore.SourceLocation(file: "dev.yaml", line: line, column: column)
    }

    struct FlatteningCase: Sendable, CustomStringConvertible {
        let name: String
        let yaml: String
        let expected: [String: String]
        var description: String { name }
    }

    static let flatteningCases: [FlatteningCase] = [
        FlatteningCase(
            name: "nested maps join keys with dots",
            yaml: """
                http:
                  listener:
                    port: "8081"
                    host: '0.0.0.0'
                procore:
                  baseUrl: https://api.procore.com
                """,
            expected: ["http.listener.port": "8081", "http.listener.host": "0.0.0.0", "procore.baseUrl": "https://api.procore.com"]
        ),
        FlatteningCase(
            name: "a list of strings is comma-joined",
            yaml: "hosts:\n  - a.example\n  - b.example\nflow: [x, 'y', \"z\"]\n",
            expected: ["hosts": "a.example,b.example", "flow": "x,y,z"]
        ),
        FlatteningCase(
            name: "dotted keys and block scalars",
            yaml: "a.b: \"1\"\ntext: |\n  line one\n  line two\n",
            expected: ["a.b": "1", "text": "line one\nline two\n"]
        ),
        FlatteningCase(
            name: "every document of the stream is read",
            yaml: "a: x\n---\nb: y\n",
            expected: ["a": "x", "b": "y"]
        ),
        FlatteningCase(
            name: "merge keys bring in the anchored map, explicit keys win",
            yaml: "base: &base\n  host: h\n  port: \"1\"\ndev:\n  <<: *base\n  port: \"2\"\n",
            expected: ["base.host": "h", "base.port": "1", "dev.host": "h", "dev.port": "2"]
        ),
        FlatteningCase(name: "an empty file defines nothing", yaml: "", expected: [:]),
        FlatteningCase(name: "a file of comments defines nothing", yaml: "# only a comment\n", expected: [:]),
        FlatteningCase(name: "an explicit !!str tag makes a number a string", yaml: "port: !!str 8081\n", expected: ["port": "8081"]),
    ]

    @Test("flattening", arguments: flatteningCases)
    func flattening(_ testCase: FlatteningCase) {
        let (file, diagnostics) = PropertiesFile.parseYAML(text: testCase.yaml, displayName: "dev.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Dictionary(uniqueKeysWithValues: file.entries.map { ($0.key, $0.value) }) == testCase.expected)
    }

    @Test("keys and values are located; a quoted value starts inside its quotes")
    func locations() throws {
        let yaml = "http:\n  port: \"8081\"\n  host: localhost\n"
        let (file, _) = PropertiesFile.parseYAML(text: yaml, displayName: "dev.yaml")
        let port = try #require(file.entry(forKey: "http.port"))
        #expect(port.location == location(2, 3))
        #expect(port.valueLocation == location(2, 10))
        let host = try #require(file.entry(forKey: "http.host"))
        #expect(host.location == location(3, 3))
        #expect(host.valueLocation == location(3, 9))
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        let name: String
        let yaml: String
        let message: String
        let at: (Int, Int)
        var description: String { name }
    }

    static let stringOnly = "YAML configuration properties only supports string values, make sure to wrap the value with \" so you force the value to be an string. Offending property is"

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "unquoted integer", yaml: "http:\n  port: 8081\n", message: "\(stringOnly) http.port with value 8081", at: (2, 9)),
        ErrorCase(name: "unquoted boolean", yaml: "feature:\n  enabled: true\n", message: "\(stringOnly) feature.enabled with value true", at: (2, 12)),
        ErrorCase(name: "YAML 1.1 boolean", yaml: "flag: yes\n", message: "\(stringOnly) flag with value yes", at: (1, 7)),
        ErrorCase(name: "unquoted float", yaml: "ratio: 0.5\n", message: "\(stringOnly) ratio with value 0.5", at: (1, 8)),
        ErrorCase(name: "empty value is null", yaml: "a: \"x\"\nmissing:\nb: \"y\"\n", message: "\(stringOnly) missing with value null", at: (2, 9)),
        ErrorCase(name: "tilde is null", yaml: "nothing: ~\n", message: "\(stringOnly) nothing with value null", at: (1, 10)),
        ErrorCase(
            name: "list of maps",
            yaml: "servers:\n  - host: a\n    port: \"1\"\n",
            message: "Configuration properties does not support type a list of complex types. Complex type keys are: host,port",
            at: (2, 5)
        ),
        ErrorCase(
            name: "list of numbers",
            yaml: "ports:\n  - 1\n  - 2\n",
            message: "List of complex objects are not supported as property values. Offending key is ports",
            at: (2, 3)
        ),
        ErrorCase(
            name: "missing space after the colon",
            yaml: "key:value\n",
            message: "YAML configuration properties must have space after ':' character. Offending line is: key:value",
            at: (1, 1)
        ),
        ErrorCase(
            name: "unterminated quote",
            yaml: "a: \"x\"\nb: \"open\n",
            message: "Error while parsing YAML configuration file: found unexpected end of stream while scanning a quoted scalar at line 2, column 4",
            at: (3, 1)
        ),
        ErrorCase(
            name: "bad indentation",
            yaml: "a:\n  b: \"1\"\n c: \"2\"\n",
            message: "Error while parsing YAML configuration file: did not find expected key while parsing a block mapping at line 1, column 1",
            at: (3, 2)
        ),
        ErrorCase(name: "duplicate key in one mapping", yaml: "a: \"1\"\na: \"2\"\n", message: "Duplicate key 'a' in a YAML mapping", at: (1, 1)),
    ]

    @Test("errors carry Mule's message and the offending position", arguments: errorCases)
    func errors(_ testCase: ErrorCase) throws {
        let (_, diagnostics) = PropertiesFile.parseYAML(text: testCase.yaml, displayName: "dev.yaml")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == testCase.message)
        #expect(diagnostic.location == location(testCase.at.0, testCase.at.1))
    }

    @Test("every non-string value of a file is reported, and the good ones are kept")
    func allErrorsCollected() {
        let yaml = "a: 1\nb: \"ok\"\nc:\n  d: false\n  e: 2.5\n"
        let (file, diagnostics) = PropertiesFile.parseYAML(text: yaml, displayName: "dev.yaml")
        #expect(diagnostics.map(\.location) == [location(1, 4), location(4, 6), location(5, 6)])
        #expect(file.entries.map(\.key) == ["b"])
    }

    @Test("a key defined twice through flattening warns and keeps the last value")
    func flattenedDuplicate() throws {
        let yaml = "a.b: \"first\"\na:\n  b: \"second\"\n"
        let (file, diagnostics) = PropertiesFile.parseYAML(text: yaml, displayName: "dev.yaml")
        #expect(file.entry(forKey: "a.b")?.value == "second")
        let warning = try #require(diagnostics.first)
        #expect(warning.description == "dev.yaml:3:3: warning: Duplicate key 'a.b' (already defined on line 1); the last definition wins")
    }

    @Test("deep nesting is read up to libyaml's limit and refused past it, without crashing", arguments: [500, 2_000])
    func deepNesting(depth: Int) {
        let yaml = "k: " + String(repeating: "{a: ", count: depth) + "\"x\"" + String(repeating: "}", count: depth) + "\n"
        let (file, diagnostics) = PropertiesFile.parseYAML(text: yaml, displayName: "dev.yaml")
        if depth < 1_000 {
            #expect(diagnostics.isEmpty)
            #expect(file.entries.first?.key == "k" + String(repeating: ".a", count: depth))
        } else {
            #expect(file.entries.isEmpty)
            #expect(diagnostics.first?.message.hasPrefix("Error while parsing YAML configuration file: Maximum nesting level reached") == true)
        }
    }

    @Test("anchors that expand exponentially are cut off with an error instead of exhausting memory")
    func exponentialAnchors() throws {
        var yaml = "l0: &l0\n" + (0..<10).map { "  k\($0): \"x\"\n" }.joined()
        for level in 1...6 {
            yaml += "l\(level): &l\(level)\n" + (0..<10).map { "  k\($0): *l\(level - 1)\n" }.joined()
        }
        let (file, diagnostics) = PropertiesFile.parseYAML(text: yaml, displayName: "dev.yaml")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "YAML configuration file defines more than 100000 properties (check for anchors that expand recursively)")
        #expect(file.entries.count == 100_000)
    }
}

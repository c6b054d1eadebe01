import FlowCore
import Testing
@testable import FlowProperties

@Suite("Property precedence")
struct PropertyPrecedenceTests {
    enum Layer: String, Sendable, CaseIterable {
        case commandLine, environment, firstFile, secondFile, global
    }

    /// Builds a resolver in which `key` is defined in exactly `layers`, each with the layer's name as value.
    static func resolver(key: String, definedIn layers: Set<Layer>) -> PropertyResolver {
        func file(_ name: String, _ layer: Layer) -> PropertiesFile {
            let text = layers.contains(layer) ? "\(key)=\(layer.rawValue)\nunrelated=1\n" : "unrelated=1\n"
            return PropertiesFile.parseProperties(text: text, displayName: name).file
        }
        return PropertyResolver(
            commandLine: layers.contains(.commandLine) ? [(key, Layer.commandLine.rawValue)] : [],
            environment: layers.contains(.environment) ? [PropertyResolver.environmentVariableName(forKey: key): Layer.environment.rawValue] : [:],
            files: [file("first.properties", .firstFile), file("second.properties", .secondFile)],
            globalProperties: layers.contains(.global)
                ? [PropertyEntry(key: key, value: Layer.global.rawValue, location: .init(file: "app.xml", line: 2, column: 5), valueLocation: .init(file: "app.xml", line: 2, column: 40))]
                : []
        )
    }

    struct Case: Sendable, CustomStringConvertible {
        let layers: Set<Layer>
        let winner: Layer
        var description: String { layers.map(\.rawValue).sorted().joined(separator: "+") + " → " + winner.rawValue }
    }

    static let cases: [Case] = [
        Case(layers: [.commandLine, .environment, .firstFile, .secondFile, .global], winner: .commandLine),
        Case(layers: [.environment, .firstFile, .secondFile, .global], winner: .environment),
        Case(layers: [.firstFile, .secondFile, .global], winner: .firstFile),
        Case(layers: [.secondFile, .global], winner: .secondFile),
        Case(layers: [.global], winner: .global),
        Case(layers: [.commandLine, .global], winner: .commandLine),
        Case(layers: [.environment, .global], winner: .environment),
        Case(layers: [.commandLine, .environment], winner: .commandLine),
    ]

    @Test("highest layer wins: -D, environment, first file, later files, global-property", arguments: cases)
    func precedence(_ testCase: Case) throws {
        let key = "procore.config.oauth.consumer_secret"
        let resolver = Self.resolver(key: key, definedIn: testCase.layers)
        #expect(resolver.value(forKey: key) == testCase.winner.rawValue)
        let resolved = try resolver.resolve("[${\(key)}]", at: .init(file: "app.xml", line: 9, column: 3))
        #expect(resolved.value == "[\(testCase.winner.rawValue)]")
        #expect(!resolved.containsSecret)
    }

    @Test("the definition tells which layer answered")
    func layerReported() throws {
        let key = "db.host"
        let all = Self.resolver(key: key, definedIn: Set(Layer.allCases))
        #expect(all.definition(forKey: key)?.layer == .commandLine)
        let environment = Self.resolver(key: key, definedIn: [.environment, .firstFile])
        #expect(environment.definition(forKey: key)?.layer == .environment(variable: "DB_HOST"))
        let file = Self.resolver(key: key, definedIn: [.secondFile, .global])
        let definition = try #require(file.definition(forKey: key))
        #expect(definition.layer == .file("second.properties"))
        #expect(definition.location == FlowCore.SourceLocation(file: "second.properties", line: 1, column: 1))
        #expect(definition.description == "db.host (configuration properties file second.properties at second.properties:1:1)")
        let global = Self.resolver(key: key, definedIn: [.global])
        #expect(global.definition(forKey: key)?.layer == .globalProperty)
        #expect(Self.resolver(key: key, definedIn: []).definition(forKey: key) == nil)
    }

    @Test("environment variable names: exact key, else upper case with '.' and '-' as '_'", arguments: [
        ("procore.config.oauth.consumer_secret", "PROCORE_CONFIG_OAUTH_CONSUMER_SECRET"),
        ("http-port", "HTTP_PORT"),
        ("Already_UPPER", "ALREADY_UPPER"),
        ("a.b-c.d", "A_B_C_D"),
    ])
    func environmentNameMangling(key: String, variable: String) {
        #expect(PropertyResolver.environmentVariableName(forKey: key) == variable)
        let resolver = PropertyResolver(environment: [variable: "from env"])
        #expect(resolver.value(forKey: key) == "from env")
    }

    @Test("an environment variable named exactly like the key beats the mangled one")
    func exactEnvironmentNameFirst() {
        let resolver = PropertyResolver(environment: ["db.host": "exact", "DB_HOST": "mangled"])
        #expect(resolver.value(forKey: "db.host") == "exact")
        #expect(resolver.definition(forKey: "db.host")?.layer == .environment(variable: "db.host"))
    }

    @Test("the last -D of a key wins, as with the JVM")
    func lastCommandLineWins() {
        let resolver = PropertyResolver(commandLine: [("env", "dev"), ("env", "prod")])
        #expect(resolver.value(forKey: "env") == "prod")
    }

    @Test("the first global-property of a key wins")
    func firstGlobalWins() {
        let location = FlowCore.SourceLocation(file: "app.xml", line: 1, column: 1)
        let resolver = PropertyResolver(globalProperties: [
            PropertyEntry(key: "env", value: "dev", location: location, valueLocation: location),
            PropertyEntry(key: "env", value: "qa", location: location, valueLocation: location),
        ])
        #expect(resolver.value(forKey: "env") == "dev")
    }

    @Test("a property may refer to a higher layer: files see -D values")
    func fileRefersToCommandLine() throws {
        let file = PropertiesFile.parseProperties(text: "db.url=jdbc://${db.host}:5432\ndb.host=localhost\n", displayName: "dev.properties").file
        let resolver = PropertyResolver(commandLine: [("db.host", "prod-db")], files: [file])
        #expect(resolver.value(forKey: "db.url") == "jdbc://prod-db:5432")
    }
}

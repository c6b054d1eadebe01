import FlowCore
import FlowProperties

/// A properties file as the loader reads one: the input parsed both as `.properties` and as
/// YAML, then every value and every key (as `${key}`) expanded against what was parsed, with a
/// `-D` and an environment layer besides. Problems are located diagnostics.
enum PropertiesFuzzing {
    static let valueLocation = SourceLocation(file: "flows/fuzz.xml", line: 2, column: 11)

    static func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parsed = [
            PropertiesFile.parseProperties(text: text, displayName: "fuzz.properties"),
            PropertiesFile.parseYAML(text: text, displayName: "fuzz.yaml"),
        ]
        for (file, diagnostics) in parsed {
            for diagnostic in diagnostics { try check(diagnostic) }
            let resolver = PropertyResolver(commandLine: [("env", "dev")], environment: ["HTTP_PORT": "8081"], files: [file])
            // Bounded: a file of thousands of keys is fuzzed for its parsing, not for expansion work.
            for entry in file.entries.prefix(64) {
                try expand(entry.value, at: entry.valueMap, with: resolver)
                try expand("${\(entry.key)}", at: .verbatim("${\(entry.key)}".unicodeScalars, from: valueLocation), with: resolver)
            }
        }
        // The text itself as an attribute value that holds placeholders.
        let resolver = PropertyResolver(files: [parsed[0].file])
        do {
            _ = try resolver.resolve(text, at: valueLocation)
        } catch {
            for diagnostic in error.diagnostics { try check(diagnostic) }
        }
    }

    private static func expand(_ text: String, at map: SourceMap, with resolver: PropertyResolver) throws(FuzzFinding) {
        do {
            _ = try resolver.resolve(text, at: map)
        } catch {
            for diagnostic in error.diagnostics { try check(diagnostic) }
        }
    }

    private static func check(_ diagnostic: Diagnostic) throws(FuzzFinding) {
        guard !diagnostic.message.isEmpty, diagnostic.location.line >= 1 else {
            throw FuzzFinding("a properties diagnostic without a location or message: \(diagnostic)")
        }
    }
}

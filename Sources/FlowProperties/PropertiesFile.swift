import FlowCore

/// The definitions of one configuration-properties file (`.properties` or `.yaml`), located.
///
/// Inside one file a key defined twice keeps its last definition, as `java.util.Properties` and
/// Mule's YAML reader do (the parsers also warn about it). Across files the *first* file wins;
/// that is the resolver's business (``PropertyResolver``).
public struct PropertiesFile: Sendable, Hashable {
    /// The file as the user would name it; also the `file` of every entry's location.
    public let displayName: String
    /// One entry per key, in the order the keys were first written.
    public let entries: [PropertyEntry]
    private let indexByKey: [String: Int]

    /// Creates a file from definitions; for a key defined more than once the last one is kept.
    public init(displayName: String, entries: [PropertyEntry]) {
        self = Self.collapsingDuplicates(displayName: displayName, definitions: entries).file
    }

    private init(displayName: String, uniqueEntries: [PropertyEntry], indexByKey: [String: Int]) {
        self.displayName = displayName
        self.entries = uniqueEntries
        self.indexByKey = indexByKey
    }

    /// The definition of `key` in this file, if any.
    public func entry(forKey key: String) -> PropertyEntry? {
        indexByKey[key].map { entries[$0] }
    }

    /// Parses `.properties` text (full `java.util.Properties` syntax).
    ///
    /// Returns the file and every problem found: malformed `\uXXXX` escapes (errors) and keys
    /// defined twice (warnings naming the earlier line).
    public static func parseProperties(text: String, displayName: String) -> (file: PropertiesFile, diagnostics: [Diagnostic]) {
        var parser = JavaPropertiesParser(text: text, displayName: displayName)
        let definitions = parser.parse()
        let collapsed = collapsingDuplicates(displayName: displayName, definitions: definitions)
        return (collapsed.file, parser.diagnostics + collapsed.warnings)
    }

    /// Parses YAML text into dotted keys, accepting only string values as Mule does.
    ///
    /// Returns the file and every problem found (syntax errors, non-string values, lists of maps),
    /// each with its line and column.
    public static func parseYAML(text: String, displayName: String) -> (file: PropertiesFile, diagnostics: [Diagnostic]) {
        var parser = YAMLPropertiesParser(text: text, displayName: displayName)
        let definitions = parser.parse()
        let collapsed = collapsingDuplicates(displayName: displayName, definitions: definitions)
        return (collapsed.file, parser.diagnostics + collapsed.warnings)
    }

    /// Keeps the last definition of each key at the place of its first, warning about the others.
    static func collapsingDuplicates(displayName: String, definitions: [PropertyEntry]) -> (file: PropertiesFile, warnings: [Diagnostic]) {
        var unique: [PropertyEntry] = []
        var indexByKey: [String: Int] = [:]
        var warnings: [Diagnostic] = []
        unique.reserveCapacity(definitions.count)
        for definition in definitions {
            if let index = indexByKey[definition.key] {
                let earlier = unique[index]
                warnings.append(.warning(
                    "Duplicate key '\(definition.key)' (already defined on line \(earlier.location.line)); the last definition wins",
                    at: definition.location
                ))
                unique[index] = definition
            } else {
                indexByKey[definition.key] = unique.count
                unique.append(definition)
            }
        }
        let file = PropertiesFile(displayName: displayName, uniqueEntries: unique, indexByKey: indexByKey)
        return (file, warnings)
    }
}

import FlowCore
import Yams

/// Flattens a YAML configuration-properties file into dotted keys, with Mule's rules and messages.
///
/// Mule (`DefaultInitialisableConfigurationPropertiesProvider`) joins nested map keys with `.`,
/// turns a list of strings into one comma-joined string, rejects lists of maps and lists of
/// non-strings, and accepts only string values: an unquoted number, boolean or null is an error.
/// The file is composed into Yams nodes (not decoded) so every value keeps its line and column.
struct YAMLPropertiesParser {
    /// A file that expands to more than this many properties is rejected; it stops a few lines of
    /// nested anchors (`&a`/`*a`, the YAML "billion laughs") from eating the machine.
    static let maximumEntryCount = 100_000

    private let displayName: String
    private let text: String
    private(set) var diagnostics: [Diagnostic] = []
    private var entries: [PropertyEntry] = []
    private var tooLarge = false

    init(text: String, displayName: String) {
        self.text = text
        self.displayName = displayName
    }

    /// Every definition in document order, duplicates included.
    mutating func parse() -> [PropertyEntry] {
        do {
            let parser = try Parser(yaml: text)
            while let root = try parser.nextRoot() {
                flattenRoot(root)
            }
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
        } catch {
            diagnostics.append(.error("Error while parsing YAML configuration file: \(error)", at: location(line: 1, column: 1)))
        }
        return entries
    }

    // MARK: - Flattening

    private mutating func flattenRoot(_ root: Node) {
        switch root {
        case .mapping:
            flatten(root, path: nil, keyNode: root, insideList: false)
        case .scalar(let scalar):
            // An empty document is fine; any other bare scalar is a line that was not `key: value`.
            if Self.tagName(of: root) == .null { return }
            let message = scalar.string.contains(":")
                ? "YAML configuration properties must have space after ':' character. Offending line is: \(scalar.string)"
                : "YAML configuration properties must be a mapping of keys to values. Offending line is: \(scalar.string)"
            diagnostics.append(.error(message, at: location(of: root)))
        case .sequence, .alias:
            diagnostics.append(.error("YAML configuration properties must be a mapping of keys to values, not a list", at: location(of: root)))
        }
    }

    private mutating func flatten(_ node: Node, path: String?, keyNode: Node, insideList: Bool) {
        guard !tooLarge else { return }
        switch node {
        case .mapping(let mapping):
            flattenMapping(mapping, node: node, path: path, insideList: insideList)
        case .sequence(let sequence):
            flattenSequence(Array(sequence), node: node, path: path ?? "", keyNode: keyNode)
        case .scalar(let scalar):
            addScalar(scalar, node: node, path: path ?? "", keyNode: keyNode)
        case .alias:
            diagnostics.append(.error("YAML alias could not be resolved for property \(path ?? "")", at: location(of: node)))
        }
    }

    private mutating func flattenMapping(_ mapping: Node.Mapping, node: Node, path: String?, insideList: Bool) {
        if insideList {
            let keys = mapping.keys.map { $0.string ?? "?" }.joined(separator: ",")
            diagnostics.append(.error(
                "Configuration properties does not support type a list of complex types. Complex type keys are: \(keys)",
                at: location(of: node)
            ))
            return
        }
        // `<<: *base` merges the keys of `base` unless this mapping writes them itself.
        let explicitKeys = Set(mapping.keys.filter { Self.tagName(of: $0) != .merge }.compactMap(\.string))
        for (key, value) in mapping where Self.tagName(of: key) == .merge {
            let sources: [Node] = value.sequence.map(Array.init) ?? [value]
            for source in sources {
                guard case .mapping(let merged) = source else {
                    diagnostics.append(.error("YAML merge key '<<' must refer to a mapping", at: location(of: source)))
                    continue
                }
                for (mergedKey, mergedValue) in merged {
                    guard let name = mergedKey.string, !explicitKeys.contains(name) else { continue }
                    flatten(mergedValue, path: Self.join(path, name), keyNode: mergedKey, insideList: false)
                }
            }
        }
        for (key, value) in mapping where Self.tagName(of: key) != .merge {
            guard case .scalar(let keyScalar) = key else {
                diagnostics.append(.error("YAML configuration property keys must be plain values, not lists or maps", at: location(of: key)))
                continue
            }
            flatten(value, path: Self.join(path, keyScalar.string), keyNode: key, insideList: false)
        }
    }

    private mutating func flattenSequence(_ items: [Node], node: Node, path: String, keyNode: Node) {
        guard let first = items.first else {
            append(key: path, value: "", keyNode: keyNode, valueNode: node)
            return
        }
        if case .mapping = first {
            // Mule walks the list and fails on its first map; one error per list is enough.
            flatten(first, path: path, keyNode: keyNode, insideList: true)
            return
        }
        var parts: [String] = []
        for (position, item) in items.enumerated() {
            // Mule checks only the first element's type and joins the rest with `toString()`.
            guard case .scalar(let scalar) = item,
                  position > 0 || Self.tagName(of: item) == .str else {
                diagnostics.append(.error(
                    "List of complex objects are not supported as property values. Offending key is \(path)",
                    at: location(of: node)
                ))
                return
            }
            parts.append(Self.tagName(of: item) == .null ? "null" : scalar.string)
        }
        append(key: path, value: parts.joined(separator: ","), keyNode: keyNode, valueNode: node)
    }

    private mutating func addScalar(_ scalar: Node.Scalar, node: Node, path: String, keyNode: Node) {
        let tag = Self.tagName(of: node)
        guard tag == .str else {
            let shown = tag == .null ? "null" : scalar.string
            diagnostics.append(.error(
                "YAML configuration properties only supports string values, make sure to wrap the value with \" so you force the value to be an string. Offending property is \(path) with value \(shown)",
                at: location(of: node)
            ))
            return
        }
        append(key: path, value: scalar.string, keyNode: keyNode, valueNode: node)
    }

    private mutating func append(key: String, value: String, keyNode: Node, valueNode: Node) {
        guard entries.count < Self.maximumEntryCount else {
            if !tooLarge {
                tooLarge = true
                diagnostics.append(.error(
                    "YAML configuration file defines more than \(Self.maximumEntryCount) properties (check for anchors that expand recursively)",
                    at: location(of: valueNode)
                ))
            }
            return
        }
        entries.append(PropertyEntry(
            key: key,
            value: value,
            location: location(of: keyNode),
            valueLocation: valueLocation(of: valueNode)
        ))
    }

    private static func join(_ parent: String?, _ key: String) -> String {
        guard let parent else { return key }
        return parent + "." + key
    }

    private static func tagName(of node: Node) -> Tag.Name {
        Resolver.default.resolveTag(of: node)
    }

    // MARK: - Locations

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: displayName, line: line, column: column)
    }

    private func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// Where the text of a value starts: inside the quotes of a quoted scalar.
    private func valueLocation(of node: Node) -> SourceLocation {
        let start = location(of: node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            return start.advanced(by: 1)
        }
        return start
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        let prefix = "Error while parsing YAML configuration file: "
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text) at line \($0.mark.line), column \($0.mark.column)" } ?? ""
            return .error(prefix + problem + detail, at: location(line: mark.line, column: mark.column))
        case .reader(let problem, let offset, _, _):
            let position = offset.map(lineAndColumn(atCharacterOffset:)) ?? (1, 1)
            return .error(prefix + problem, at: location(line: position.0, column: position.1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("Duplicate key \(keys) in a YAML mapping", at: location(line: context.mark.line, column: context.mark.column))
        default:
            return .error(prefix + "\(error)", at: location(line: 1, column: 1))
        }
    }

    private func lineAndColumn(atCharacterOffset offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}

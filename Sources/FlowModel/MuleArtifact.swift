import FlowCore
import Foundation

/// What Conduit reads of a Mule project's `mule-artifact.json`: the configs to load and the
/// property keys to keep secret. Other fields (`minMuleVersion`, `requiredProduct`…) are accepted
/// and not used.
public struct MuleArtifact: Sendable, Hashable {
    /// The descriptor's file name in the project root.
    public static let fileName = "mule-artifact.json"

    /// `configs`: the config files (relative to the classpath root), when the list is present and
    /// not empty; nil means every Mule XML file under `src/main/mule` is a config.
    public var configs: [String]?
    /// `secureProperties`: keys whose values are never shown, wherever they are defined.
    public var secureProperties: [String]

    /// Creates a descriptor.
    public init(configs: [String]? = nil, secureProperties: [String] = []) {
        self.configs = configs
        self.secureProperties = secureProperties
    }

    /// Reads the descriptor in `layout`'s directory; none (and no problem) when the file does not
    /// exist. Problems are located in the file.
    static func read(in layout: AppLayout) -> (artifact: MuleArtifact?, diagnostics: [Diagnostic]) {
        let path = layout.absolute(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, []) }
        let start = SourceLocation(file: fileName, line: 1, column: 1)
        let value: Value
        do {
            value = try JSON.decode(Array(data))
        } catch {
            return (nil, [.error("Invalid JSON in \(fileName): \(error.reason).", at: SourceLocation(file: fileName, line: error.line, column: error.column))])
        }
        guard case .object(let object) = value else {
            return (nil, [.error("\(fileName) must hold a JSON object, got \(value.typeName).", at: start)])
        }
        var diagnostics: [Diagnostic] = []
        func names(_ key: String) -> [String]? {
            guard let field = object[key], !field.isNull else { return nil }
            guard case .array(let items) = field, let strings = Optional(items.compactMap(\.stringValue)), strings.count == items.count else {
                diagnostics.append(.error("'\(key)' in \(fileName) must be a list of strings, got \(field.typeName).", at: start))
                return nil
            }
            return strings
        }
        let configs = names("configs")
        let artifact = MuleArtifact(configs: (configs?.isEmpty ?? true) ? nil : configs, secureProperties: names("secureProperties") ?? [])
        return (artifact, diagnostics)
    }
}

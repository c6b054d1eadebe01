import FlowCore

/// The definition that answers a property key, and which layer of the hierarchy it came from.
///
/// `description` names the key, the layer and the location but never the value, so a definition
/// can appear in a diagnostic even when it is a secret.
public struct PropertyDefinition: Sendable, Hashable, CustomStringConvertible {
    /// Where a definition comes from, highest precedence first (secure properties are a separate
    /// namespace reached only through `secure::`).
    public enum Layer: Sendable, Hashable, CustomStringConvertible {
        /// `-D key=value` on the command line.
        case commandLine
        /// An environment variable (named exactly like the key, or mangled: see
        /// ``PropertyResolver/environmentVariableName(forKey:)``).
        case environment(variable: String)
        /// A configuration-properties file, by its display name.
        case file(String)
        /// A `<global-property>` element.
        case globalProperty
        /// The file of a `<secure-properties:config>`, by the config's name.
        case secure(config: String)

        /// The layer as a user would name it.
        public var description: String {
            switch self {
            case .commandLine: "command line (-D)"
            case .environment(let variable): "environment variable \(variable)"
            case .file(let name): "configuration properties file \(name)"
            case .globalProperty: "global-property"
            case .secure(let config): "secure properties config '\(config)'"
            }
        }
    }

    /// The key as it was asked for (without the `secure::` prefix).
    public let key: String
    /// The value before `${…}` substitution; for a secure property, the decrypted plaintext.
    public let value: String
    /// Which layer answered.
    public let layer: Layer
    /// Where the key was defined (synthetic for the command line and the environment).
    public let location: SourceLocation
    /// The entry as read, used to locate problems inside the value.
    let entry: PropertyEntry?
    /// Whether the app declared the key secret although it is a plain property (a Mule project's
    /// `mule-artifact.json` `secureProperties`).
    let isDeclaredSecret: Bool

    init(key: String, value: String, layer: Layer, location: SourceLocation, entry: PropertyEntry?, isDeclaredSecret: Bool = false) {
        self.key = key
        self.value = value
        self.layer = layer
        self.location = location
        self.entry = entry
        self.isDeclaredSecret = isDeclaredSecret
    }

    /// Whether the value is a secret that must never reach logs, messages or responses: a
    /// secure property, or a key the app declares secret.
    public var isSecret: Bool {
        if case .secure = layer { return true }
        return isDeclaredSecret
    }

    /// The same definition, declared secret.
    func declaredSecret() -> PropertyDefinition {
        PropertyDefinition(key: key, value: value, layer: layer, location: location, entry: entry, isDeclaredSecret: true)
    }

    /// `key (layer at location)`, without the value.
    public var description: String { "\(key) (\(layer) at \(location))" }
}

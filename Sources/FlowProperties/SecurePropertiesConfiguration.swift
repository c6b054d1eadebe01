import FlowCore

/// One `<secure-properties:config name key file>` with its `<secure-properties:encrypt>` settings.
///
/// Every value of `file` is read through `${secure::key}`; values written `![base64]` are
/// decrypted with `key`, `algorithm`, `mode` and `useRandomIVs` when the ``PropertyResolver`` is
/// built. `description` never shows the key.
public struct SecurePropertiesConfiguration: Sendable, CustomStringConvertible {
    /// The config's `name`, used in messages instead of the key.
    public let name: String
    /// The decryption key (already resolved from `${secure.key}` or the like).
    public let key: String
    /// The secure properties file, already loaded.
    public let file: PropertiesFile
    /// `algorithm` of `<secure-properties:encrypt>` (default `AES`).
    public let algorithm: String
    /// `mode` of `<secure-properties:encrypt>` (default `CBC`).
    public let mode: String
    /// `useRandomIVs` of `<secure-properties:encrypt>` (default false).
    public let useRandomIVs: Bool
    /// Where the config element is, for problems with the config as a whole (key size, mode).
    public let location: SourceLocation

    /// Creates a configuration with Mule's defaults for the encryption settings.
    public init(name: String, key: String, file: PropertiesFile, algorithm: String = "AES", mode: String = "CBC", useRandomIVs: Bool = false, location: SourceLocation) {
        self.name = name
        self.key = key
        self.file = file
        self.algorithm = algorithm
        self.mode = mode
        self.useRandomIVs = useRandomIVs
        self.location = location
    }

    /// The config without its key.
    public var description: String {
        "SecurePropertiesConfiguration(name: \(name), file: \(file.displayName), \(algorithm)/\(mode), randomIVs: \(useRandomIVs), key: <redacted>)"
    }
}

import FlowCore

/// Decrypts the files of the secure-properties configs into the resolver's secure layer.
///
/// Mule's secure provider decrypts `![base64]` values as it loads the file, so a wrong key fails
/// the deployment even for a property nobody uses; Conduit does the same, and reports every
/// undecryptable value (by key and location, never by text) instead of stopping at the first.
enum SecureLayerBuilder {
    struct Layer {
        var definitions: [String: PropertyDefinition] = [:]
        var undecryptable: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    static func build(_ configurations: [SecurePropertiesConfiguration]) -> Layer {
        var layer = Layer()
        for configuration in configurations {
            let cipher: SecurePropertyCipher?
            do {
                cipher = try SecurePropertyCipher(
                    key: configuration.key,
                    algorithm: configuration.algorithm,
                    mode: configuration.mode,
                    useRandomIVs: configuration.useRandomIVs
                )
            } catch {
                cipher = nil
                layer.diagnostics.append(.error(
                    "Invalid secure properties config '\(configuration.name)': \(error)",
                    at: configuration.location
                ))
            }
            for entry in configuration.file.entries {
                // The first config that defines a key wins, as in Mule.
                guard layer.definitions[entry.key] == nil, !layer.undecryptable.contains(entry.key) else { continue }
                guard let ciphertext = encryptedPayload(of: entry.value) else {
                    layer.definitions[entry.key] = definition(entry, value: entry.value, configuration: configuration)
                    continue
                }
                guard let cipher else {
                    // The config error above already explains why; one message per config is enough.
                    layer.undecryptable.insert(entry.key)
                    continue
                }
                do {
                    let plaintext = try cipher.decrypt(ciphertext)
                    layer.definitions[entry.key] = definition(entry, value: plaintext, configuration: configuration)
                } catch {
                    layer.undecryptable.insert(entry.key)
                    layer.diagnostics.append(.error(
                        "Could not decrypt secure property '\(entry.key)': \(error)",
                        at: entry.valueLocation
                    ))
                }
            }
        }
        return layer
    }

    /// The Base64 inside `![…]`, or nil for a plain value.
    static func encryptedPayload(of value: String) -> String? {
        guard value.hasPrefix("!["), value.hasSuffix("]"), value.count >= 3 else { return nil }
        return String(value.dropFirst(2).dropLast())
    }

    private static func definition(_ entry: PropertyEntry, value: String, configuration: SecurePropertiesConfiguration) -> PropertyDefinition {
        PropertyDefinition(
            key: entry.key, value: value, layer: .secure(config: configuration.name),
            location: entry.location, entry: entry
        )
    }
}

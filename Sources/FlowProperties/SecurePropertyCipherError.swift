/// Why a ``SecurePropertyCipher`` could not be made or could not decrypt a value.
///
/// No case carries a key, a plaintext or a ciphertext: these errors end up in messages.
public enum SecurePropertyCipherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The algorithm is not one Conduit implements.
    case unsupportedAlgorithm(String)
    /// The block mode is not one Conduit implements.
    case unsupportedMode(String)
    /// The key is not 16, 24 or 32 bytes long.
    case invalidKeySize
    /// Base64, length, padding or text decoding failed: the key is wrong or the value is damaged.
    case undecryptable

    /// The message users see, in Mule's wording where Mule has one.
    public var description: String {
        switch self {
        case .unsupportedAlgorithm(let name):
            "Unsupported secure properties algorithm '\(name)'; supported algorithms: \(SecurePropertyCipher.supportedAlgorithms.joined(separator: ", "))"
        case .unsupportedMode(let name):
            "Unsupported secure properties mode '\(name)'; supported modes: \(SecurePropertyCipher.supportedModes.joined(separator: ", "))"
        case .invalidKeySize:
            "AES key size must be of 16, 24 or 32 characters"
        case .undecryptable:
            "wrong key or corrupted value"
        }
    }
}

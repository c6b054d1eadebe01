import Crypto
import Foundation

/// The key that seals OAuth tokens at rest in the cluster store (AES-256-GCM): 32 random bytes,
/// given in base64 as `CONDUIT_STORE_KEY` (`openssl rand -base64 32` prints one).
///
/// Every node of a cluster needs the same key. The key never appears in a message; each sealed
/// value is bound to its row and column (the associated data), so a value copied into another
/// row does not open.
public struct StoreKey: Sendable {
    /// The environment variable holding the key.
    public static let environmentVariable = "CONDUIT_STORE_KEY"

    /// The key's bytes (swift-crypto's `SymmetricKey` is not `Sendable`; one is made per use).
    private let bytes: Data

    /// The key in `base64`; the error says what is wrong without repeating the value.
    public init(base64 text: String) throws(StoreKeyError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: trimmed) else {
            throw StoreKeyError("\(Self.environmentVariable) is not base64; generate one with: openssl rand -base64 32")
        }
        guard bytes.count == 32 else {
            throw StoreKeyError("\(Self.environmentVariable) decodes to \(bytes.count) bytes; it must be 32 random bytes (openssl rand -base64 32)")
        }
        self.bytes = bytes
    }

    /// The key from `environment`, or why cluster mode cannot start without one.
    public static func fromEnvironment(_ environment: [String: String]) throws(StoreKeyError) -> StoreKey {
        guard let text = environment[environmentVariable], !text.isEmpty else {
            throw StoreKeyError("Cluster mode keeps OAuth tokens encrypted in the database and needs the key in \(environmentVariable): 32 random bytes in base64, the same on every node (openssl rand -base64 32)")
        }
        return try StoreKey(base64: text)
    }

    /// `plaintext` sealed for `context` (nonce, ciphertext and tag together).
    func seal(_ plaintext: String, context: String) throws -> [UInt8] {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: SymmetricKey(data: bytes), authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw StoreKeyError("AES-GCM gave no combined form") }
        return Array(combined)
    }

    /// The text sealed for `context`; throws when the key or the context differs.
    func open(_ sealed: [UInt8], context: String) throws -> String {
        let box = try AES.GCM.SealedBox(combined: Data(sealed))
        return String(decoding: try AES.GCM.open(box, using: SymmetricKey(data: bytes), authenticating: Data(context.utf8)), as: UTF8.self)
    }
}

/// A `CONDUIT_STORE_KEY` that is missing or unusable; says why without the value.
public struct StoreKeyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and how to make a key.
    public var description: String

    init(_ description: String) { self.description = description }
}

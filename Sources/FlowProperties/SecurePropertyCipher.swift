import Crypto
import _CryptoExtras
import Foundation

/// Encrypts and decrypts secure property values exactly as Mule's secure-properties module does.
///
/// The JCE transformation is `AES/<mode>/PKCS5Padding`; the key is the raw UTF-8 bytes of the key
/// string (16, 24 or 32 bytes: AES-128, -192 or -256). In CBC mode the IV is the first 16 key
/// bytes, unless random IVs are on: then a fresh IV is prepended to the ciphertext and read back
/// from there. ECB has no IV. Values are exchanged as standard Base64. The key never appears in
/// `description`, so a cipher can be logged or put in an error by mistake without leaking it.
public struct SecurePropertyCipher: Sendable, CustomStringConvertible {
    /// The algorithms Conduit implements (Mule also knows Blowfish, DES, DESede, RC2, RCA).
    public static let supportedAlgorithms = ["AES"]
    /// The block modes Conduit implements (Mule also knows CFB and OFB).
    public static let supportedModes = ["CBC", "ECB"]

    private static let blockSize = 16

    private enum Mode: Sendable {
        case cbc
        case ecb
    }

    // Raw bytes rather than `SymmetricKey`, which is not `Sendable` in swift-crypto 3.12.
    private let keyBytes: [UInt8]
    private let fixedIV: [UInt8]
    private let mode: Mode
    private let useRandomIVs: Bool

    /// Makes a cipher, checking the algorithm, the mode and the key size.
    ///
    /// Algorithm and mode names are case-insensitive, like the JCE's. `useRandomIVs` has no
    /// effect in ECB mode, which uses no IV.
    public init(key: String, algorithm: String = "AES", mode: String = "CBC", useRandomIVs: Bool = false) throws(SecurePropertyCipherError) {
        guard algorithm.uppercased() == "AES" else { throw .unsupportedAlgorithm(algorithm) }
        switch mode.uppercased() {
        case "CBC": self.mode = .cbc
        case "ECB": self.mode = .ecb
        default: throw .unsupportedMode(mode)
        }
        let keyBytes = Array(key.utf8)
        guard [16, 24, 32].contains(keyBytes.count) else { throw .invalidKeySize }
        self.keyBytes = keyBytes
        self.fixedIV = Array(keyBytes.prefix(Self.blockSize))
        self.useRandomIVs = useRandomIVs
    }

    /// A redacted summary: the mode and whether IVs are random, never the key.
    public var description: String {
        "SecurePropertyCipher(AES/\(mode == .cbc ? "CBC" : "ECB")/PKCS5Padding, randomIVs: \(useRandomIVs), key: <redacted>)"
    }

    /// The Base64 ciphertext of `plaintext`'s UTF-8 bytes (without the `![…]` wrapper).
    public func encrypt(_ plaintext: String) -> String {
        var input = Array(plaintext.utf8)
        let padding = Self.blockSize - input.count % Self.blockSize
        input.append(contentsOf: repeatElement(UInt8(padding), count: padding))
        let key = SymmetricKey(data: keyBytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + Self.blockSize)
        switch mode {
        case .ecb:
            for start in stride(from: 0, to: input.count, by: Self.blockSize) {
                output += permute(Array(input[start..<start + Self.blockSize]), key: key)
            }
        case .cbc:
            var previous = fixedIV
            if useRandomIVs {
                var generator = SystemRandomNumberGenerator()
                previous = (0..<Self.blockSize).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
                output += previous
            }
            for start in stride(from: 0, to: input.count, by: Self.blockSize) {
                var block = Array(input[start..<start + Self.blockSize])
                for index in 0..<Self.blockSize { block[index] ^= previous[index] }
                previous = permute(block, key: key)
                output += previous
            }
        }
        return Data(output).base64EncodedString()
    }

    /// The plaintext of a Base64 ciphertext (without the `![…]` wrapper).
    ///
    /// Throws ``SecurePropertyCipherError/undecryptable`` when the Base64, the length, the
    /// PKCS5 padding or the UTF-8 of the result is wrong, which is what a wrong key looks like.
    public func decrypt(_ base64: String) throws(SecurePropertyCipherError) -> String {
        guard var input = Self.decodeBase64(base64) else { throw .undecryptable }
        var previous = fixedIV
        if mode == .cbc && useRandomIVs {
            guard input.count >= Self.blockSize else { throw .undecryptable }
            previous = Array(input.prefix(Self.blockSize))
            input.removeFirst(Self.blockSize)
        }
        guard !input.isEmpty, input.count % Self.blockSize == 0 else { throw .undecryptable }
        let key = SymmetricKey(data: keyBytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        for start in stride(from: 0, to: input.count, by: Self.blockSize) {
            let cipherBlock = Array(input[start..<start + Self.blockSize])
            var block = inversePermute(cipherBlock, key: key)
            if mode == .cbc {
                for index in 0..<Self.blockSize { block[index] ^= previous[index] }
                previous = cipherBlock
            }
            output += block
        }
        guard let padding = output.last, (1...Self.blockSize).contains(Int(padding)),
              output.suffix(Int(padding)).allSatisfy({ $0 == padding }) else {
            throw .undecryptable
        }
        output.removeLast(Int(padding))
        let text = String(decoding: output, as: UTF8.self)
        // Invalid UTF-8 comes back repaired (U+FFFD) and so differs from the bytes: a wrong key
        // that happened to produce valid padding usually fails here.
        guard text.utf8.elementsEqual(output) else { throw .undecryptable }
        return text
    }

    /// Standard Base64, tolerating surrounding whitespace and missing `=` padding as Java does.
    private static func decodeBase64(_ text: String) -> [UInt8]? {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let remainder = trimmed.utf8.count % 4
        if remainder == 2 || remainder == 3 { trimmed += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: trimmed).map(Array.init)
    }

    // The key was checked in `init` and blocks are always 16 bytes, the only two things the
    // block function checks; a failure here is a bug in this file, not bad input.
    private func permute(_ block: [UInt8], key: SymmetricKey) -> [UInt8] {
        var block = block
        do { try AES.permute(&block, key: key) } catch { preconditionFailure("AES block size or key size invariant broken: \(error)") }
        return block
    }

    private func inversePermute(_ block: [UInt8], key: SymmetricKey) -> [UInt8] {
        var block = block
        do { try AES.inversePermute(&block, key: key) } catch { preconditionFailure("AES block size or key size invariant broken: \(error)") }
        return block
    }
}

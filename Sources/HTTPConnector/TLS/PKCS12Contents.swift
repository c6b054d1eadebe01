import Foundation

/// What can be told about a PKCS12 file before NIOSSL opens it.
///
/// `NIOSSLPKCS12Bundle` stops the process (`fatalError`) on a file that decrypts but holds no
/// private key, which is exactly what a trust store is (certificates only). A private key sits
/// in a key bag outside the encrypted parts of the file, so its bag type can be seen without the
/// password: a file without one is refused before NIOSSL sees it.
enum PKCS12Contents {
    /// The largest file looked at; key and trust stores are a few kilobytes.
    static let maximumSize = 1024 * 1024

    /// The DER encodings of the key bag OIDs (PKCS #12 §4.2.1, §4.2.2: 1.2.840.113549.1.12.10.1.1
    /// and .2).
    private static let keyBag: [UInt8] = [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x0C, 0x0A, 0x01, 0x01]
    private static let shroudedKeyBag: [UInt8] = [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x0C, 0x0A, 0x01, 0x02]

    /// Whether the file at `path` can be opened and holds a private key bag; false for a file
    /// that cannot be read or is larger than ``maximumSize``.
    static func hasPrivateKey(atPath path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue, size <= maximumSize,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return hasPrivateKey(Array(data))
    }

    /// Whether `bytes` (a PKCS12 file) holds a private key bag.
    static func hasPrivateKey(_ bytes: [UInt8]) -> Bool {
        contains(bytes, keyBag) || contains(bytes, shroudedKeyBag)
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }
}

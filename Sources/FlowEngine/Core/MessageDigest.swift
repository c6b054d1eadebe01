import FlowCore
import Crypto
import Foundation

/// The digests a message can be identified by, as Mule names them (`messageDigestAlgorithm` of a
/// redelivery policy; SHA-256 is also the Cache scope's default key).
enum MessageDigest: String, CaseIterable {
    case md5 = "MD5", sha1 = "SHA-1", sha256 = "SHA-256", sha384 = "SHA-384", sha512 = "SHA-512"

    /// The digest of `bytes` in lower-case hex.
    func hex(_ bytes: some DataProtocol) -> String {
        let digest: [UInt8] = switch self {
        case .md5: Array(Insecure.MD5.hash(data: bytes))
        case .sha1: Array(Insecure.SHA1.hash(data: bytes))
        case .sha256: Array(SHA256.hash(data: bytes))
        case .sha384: Array(SHA384.hash(data: bytes))
        case .sha512: Array(SHA512.hash(data: bytes))
        }
        return HexText.string(digest)
    }
}

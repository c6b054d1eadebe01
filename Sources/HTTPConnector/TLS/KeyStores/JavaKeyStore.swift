import Crypto

/// A Java key store file, Sun's JKS or SunJCE's JCEKS, as `keytool` writes it
/// (`sun.security.provider.JavaKeyStore`, `com.sun.crypto.provider.JceKeyStore`): a magic
/// number, a version, the entries, and a keyed SHA-1 digest of everything before it.
///
/// Private keys stay protected here: ``JavaKeyStore/PrivateKeyEntry/recoverKey(password:)``
/// opens one with its key password. Certificates are plain DER.
struct JavaKeyStore {
    /// Which of the two formats the file is; they differ in the magic number, in how private
    /// keys are protected, and in JCEKS's secret-key entries.
    enum Kind: Sendable {
        case jks
        case jceks

        /// The name `type` and messages use.
        var name: String {
            switch self {
            case .jks: "JKS"
            case .jceks: "JCEKS"
            }
        }
    }

    /// A private key (`keytool -genkeypair`, `-importkeystore`) with its certificate chain, the
    /// server's own certificate first.
    struct PrivateKeyEntry {
        let alias: String
        /// The DER `EncryptedPrivateKeyInfo` protecting the PKCS #8 key.
        let protectedKey: [UInt8]
        let certificateChain: [[UInt8]]
    }

    /// A trusted certificate (`keytool -importcert`).
    struct TrustedCertificateEntry {
        let alias: String
        let certificate: [UInt8]
    }

    let kind: Kind
    let privateKeys: [PrivateKeyEntry]
    let trustedCertificates: [TrustedCertificateEntry]
    /// The aliases of JCEKS secret keys (`keytool -genseckey`), which TLS has no use for.
    let secretKeyAliases: [String]

    /// The length of the digest that ends the file (SHA-1).
    static let digestLength = Insecure.SHA1.byteCount

    static let jksMagic: UInt32 = 0xFEED_FEED
    static let jceksMagic: UInt32 = 0xCECE_CECE

    /// The kind of Java key store `bytes` hold, from their magic number; nil for anything else
    /// (a PKCS12 file, say).
    static func kind(of bytes: [UInt8]) -> Kind? {
        guard bytes.count >= 4 else { return nil }
        switch bytes.prefix(4).reduce(UInt32(0), { $0 << 8 | UInt32($1) }) {
        case jksMagic: return .jks
        case jceksMagic: return .jceks
        default: return nil
        }
    }

    /// Reads the store in `bytes`. With a `password`, the file's digest is checked first, as
    /// Java's `KeyStore.load` does; without one (a trust store may have none) it is not.
    init(_ bytes: [UInt8], password: String?) throws(KeyStoreProblem) {
        guard let kind = Self.kind(of: bytes) else {
            throw .malformed("it is not a JKS or JCEKS file")
        }
        self.kind = kind
        let digestLength = Self.digestLength
        guard bytes.count >= 12 + digestLength else { throw .malformed("it is truncated (\(bytes.count) bytes)") }
        if let password {
            let body = bytes[..<(bytes.count - digestLength)]
            guard Self.integrityDigest(password: password, body: body).elementsEqual(bytes.suffix(digestLength)) else {
                throw .integrity
            }
        }
        var reader = BigEndianReader(Array(bytes.dropLast(digestLength)))
        do {
            try reader.skip(4)
            let version = try reader.readUInt32()
            guard version == 1 || version == 2 else { throw KeyStoreProblem.malformed("its version \(version) is unknown") }
            let count = try reader.readUInt32()
            var privateKeys: [PrivateKeyEntry] = []
            var trusted: [TrustedCertificateEntry] = []
            var secretKeys: [String] = []
            for _ in 0..<count {
                let tagOffset = reader.offset
                let tag = try reader.readUInt32()
                let alias = try reader.readUTF()
                try reader.skip(8)  // the creation date, in milliseconds
                switch tag {
                case 1:
                    let keyLength = try Self.length(&reader)
                    let protectedKey = Array(try reader.readBytes(keyLength))
                    let certificateCount = try Self.length(&reader)
                    var chain: [[UInt8]] = []
                    for _ in 0..<certificateCount {
                        chain.append(try Self.certificate(&reader, version: version))
                    }
                    privateKeys.append(PrivateKeyEntry(alias: alias, protectedKey: protectedKey, certificateChain: chain))
                case 2:
                    trusted.append(TrustedCertificateEntry(alias: alias, certificate: try Self.certificate(&reader, version: version)))
                case 3 where kind == .jceks:
                    // A Java-serialized SealedObject, with no length before it: walked to its end.
                    var stream = JavaObjectStream(reader)
                    try stream.skipStream()
                    reader = stream.reader
                    secretKeys.append(alias)
                default:
                    throw KeyStoreProblem.malformed("its entry at byte \(tagOffset) has an unknown tag \(tag)")
                }
            }
            guard reader.remaining == 0 else {
                throw KeyStoreProblem.malformed("\(reader.remaining) bytes follow its last entry")
            }
            self.privateKeys = privateKeys
            self.trustedCertificates = trusted
            self.secretKeyAliases = secretKeys
        } catch let end as BigEndianReader.EndOfData {
            throw .malformed("it ends inside an entry (at byte \(end.offset))")
        } catch let malformed as JavaObjectStream.Malformed {
            throw .malformed("its secret key entry is not a serialized object Conduit can walk (at byte \(malformed.offset))")
        } catch let problem as KeyStoreProblem {
            throw problem
        } catch {
            throw .malformed("\(error)")
        }
    }

    /// SHA-1 over the password (UTF-16BE), the phrase Sun chose, and the file before the digest.
    static func integrityDigest(password: String, body: ArraySlice<UInt8>) -> [UInt8] {
        var hash = Insecure.SHA1()
        hash.update(data: utf16BigEndian(password))
        hash.update(data: Array("Mighty Aphrodite".utf8))
        hash.update(data: body)
        return Array(hash.finalize())
    }

    /// A Java `char[]` password as bytes, two per UTF-16 unit, high byte first.
    static func utf16BigEndian(_ password: String) -> [UInt8] {
        password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// A 4-byte count or length, which Java writes as a signed `int`.
    private static func length(_ reader: inout BigEndianReader) throws -> Int {
        let offset = reader.offset
        let value = try reader.readUInt32()
        guard value <= Int32.max, Int(value) <= reader.remaining else {
            throw KeyStoreProblem.malformed("its length \(value) at byte \(offset) runs past the end")
        }
        return Int(value)
    }

    /// One certificate: its type (version 2 stores only, always X.509 in practice) and DER bytes.
    private static func certificate(_ reader: inout BigEndianReader, version: UInt32) throws -> [UInt8] {
        if version == 2 {
            let typeOffset = reader.offset
            let type = try reader.readUTF()
            guard type == "X.509" else {
                throw KeyStoreProblem.malformed("its certificate at byte \(typeOffset) is of type '\(type)', not X.509")
            }
        }
        return Array(try reader.readBytes(try length(&reader)))
    }
}

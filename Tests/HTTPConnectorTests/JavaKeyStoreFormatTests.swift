import Foundation
@testable import HTTPConnector
import NIOSSL
import Testing

/// The JKS and JCEKS reader on the `keytool` fixtures (see `Fixtures/README.md`): what it finds,
/// and that damaged files are errors, never crashes.
@Suite("Java key store files")
struct JavaKeyStoreFormatTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: HTTPSListenerTests.fixtures.appendingPathComponent(name)))
    }

    static let javaFixtures = ["localhost.jks", "localhost.jceks", "two-keys.jks", "trust.jks", "trust.jceks", "with-secret-key.jceks"]

    /// `bytes` with a digest made for `password`, so that a change inside passes the integrity
    /// check and reaches the parser and the key protection.
    static func resealed(_ bytes: [UInt8], password: String) -> [UInt8] {
        let body = bytes.dropLast(JavaKeyStore.digestLength)
        return Array(body) + JavaKeyStore.integrityDigest(password: password, body: body)
    }

    @Test("the entries of each fixture: aliases, kinds, certificate chains")
    func entries() throws {
        let jks = try JavaKeyStore(Self.fixture("two-keys.jks"), password: "changeit")
        #expect(jks.kind == .jks)
        #expect(jks.privateKeys.map(\.alias) == ["second", "first"])
        #expect(jks.privateKeys.map(\.certificateChain.count) == [1, 1])
        #expect(jks.trustedCertificates.isEmpty)
        let jceks = try JavaKeyStore(Self.fixture("with-secret-key.jceks"), password: "changeit")
        #expect(jceks.kind == .jceks)
        #expect(jceks.secretKeyAliases == ["aes-key"])
        #expect(jceks.privateKeys.map(\.alias) == ["localhost"])
        let trust = try JavaKeyStore(Self.fixture("trust.jceks"), password: nil)
        #expect(trust.trustedCertificates.map(\.alias) == ["localhost"])
        #expect(trust.privateKeys.isEmpty)
    }

    @Test("JKS and JCEKS keys decrypt to the PKCS12 fixture's key, with its certificate",
          arguments: [("localhost.jks", nil), ("localhost.jceks", "key-secret"), ("with-secret-key.jceks", nil), ("two-keys.jks", "changeit")] as [(String, String?)])
    func sameKeyAsPKCS12(file: String, keyPassword: String?) throws {
        let bundle = try NIOSSLPKCS12Bundle(file: HTTPSListenerTests.keyStore, passphrase: Array("changeit".utf8))
        let alias = file == "two-keys.jks" ? "First" : nil
        let read = try KeyStoreFile.identity(Self.fixture(file), password: "changeit", keyPassword: keyPassword, alias: alias)
        #expect(!read.isPKCS12)
        #expect(try read.identity.privateKey.derBytes == bundle.privateKey.derBytes)
        #expect(read.identity.certificateChain == bundle.certificateChain)
    }

    @Test("a trust store gives its trusted certificates, and the first certificate of each key entry")
    func trustedCertificates() throws {
        let localhost = try NIOSSLCertificate.fromPEMFile(HTTPSListenerTests.certificate)
        let second = try NIOSSLCertificate.fromPEMFile(HTTPSListenerTests.fixtures.appendingPathComponent("second-cert.pem").path)
        #expect(try KeyStoreFile.trustedCertificates(Self.fixture("trust.jks"), password: "changeit") == localhost)
        #expect(try KeyStoreFile.trustedCertificates(Self.fixture("trust.jceks"), password: nil) == localhost)
        #expect(try KeyStoreFile.trustedCertificates(Self.fixture("two-keys.jks"), password: nil) == second + localhost)
    }

    @Test("SunJCE's PBEWithMD5AndTripleDES, equal salt halves included, matches Java's ciphertexts", arguments: [
        ("0102030401020304", "9af85f078b575962a00153f0a362908684b928ee1d271fd0159f56ba195416b8805bc508848c6a30"),
        ("0102030405060708", "51a9017ba9fed50c0139643b1d935a9865ecb618053af7681c1fbcd70397571312cea8e1e360c62d"),
    ])
    func sunJCEVector(salt: String, ciphertext: String) throws {
        let plain = try JavaKeyStore.PrivateKeyEntry.decryptPBEWithMD5AndTripleDES(
            Self.hex(ciphertext)[...], password: Array("changeit".utf8), salt: Self.hex(salt), iterations: 1000)
        #expect(String(decoding: plain, as: UTF8.self) == "SunJCE reverses the first salt half")
        #expect(throws: TripleDES.DecryptionFailed.self) {
            try JavaKeyStore.PrivateKeyEntry.decryptPBEWithMD5AndTripleDES(
                Self.hex(ciphertext)[...], password: Array("changeIt".utf8), salt: Self.hex(salt), iterations: 1000)
        }
    }

    static func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map { offset in
            let start = text.index(text.startIndex, offsetBy: offset)
            return UInt8(text[start..<text.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    @Test("every truncation of every fixture is an error, never a crash", arguments: javaFixtures)
    func truncations(file: String) throws {
        let bytes = try Self.fixture(file)
        for length in 0..<bytes.count {
            let prefix = Array(bytes.prefix(length))
            // Without a password nothing is checked before the parser walks the entries.
            #expect(throws: KeyStoreProblem.self) { try KeyStoreFile.trustedCertificates(prefix, password: nil) }
            // With one, the digest no longer matches (or the file is too short to have one).
            #expect(throws: KeyStoreProblem.self) { try JavaKeyStore(prefix, password: "changeit") }
            // Resealed, the parser and the key protection see the cut file.
            if length > 32, !file.hasSuffix(".jceks") {
                #expect(throws: KeyStoreProblem.self) {
                    try KeyStoreFile.identity(Self.resealed(prefix, password: "changeit"), password: "changeit", keyPassword: nil, alias: "first")
                }
            }
        }
    }

    @Test("every flipped byte, resealed so that it reaches the parser, is handled without a crash", arguments: javaFixtures)
    func flippedBytes(file: String) throws {
        let bytes = try Self.fixture(file)
        var failures = 0
        for index in 0..<(bytes.count - JavaKeyStore.digestLength) {
            var damaged = bytes
            damaged[index] ^= 0xFF
            // The magic number is read first; after it, the digest no longer matches.
            #expect(throws: index < 4 ? KeyStoreProblem.malformed("it is not a JKS or JCEKS file") : .integrity) {
                try JavaKeyStore(damaged, password: "changeit")
            }
            let resealed = Self.resealed(damaged, password: "changeit")
            // Flips inside a certificate's signature may still parse; most do not.
            if (try? KeyStoreFile.trustedCertificates(resealed, password: "changeit")) == nil { failures += 1 }
            // JCEKS keys take 400,000 MD5 rounds each: the key protection is exercised on JKS.
            if file.hasSuffix(".jks") {
                _ = try? KeyStoreFile.identity(resealed, password: "changeit", keyPassword: nil, alias: "first")
            }
        }
        #expect(failures > 0)
    }

    @Test("damage is named: where the file ends, what follows its entries, an unknown tag")
    func damageMessages() throws {
        let trust = try Self.fixture("trust.jks")
        #expect(throws: KeyStoreProblem.malformed("it ends inside an entry (at byte 18)")) {
            try JavaKeyStore(Array(trust.prefix(41)), password: nil)
        }
        #expect(throws: KeyStoreProblem.malformed("it is truncated (31 bytes)")) {
            try JavaKeyStore(Array(trust.prefix(31)), password: nil)
        }
        var unknownTag = trust
        unknownTag[15] = 9
        #expect(throws: KeyStoreProblem.malformed("its entry at byte 12 has an unknown tag 9")) {
            try JavaKeyStore(unknownTag, password: nil)
        }
        #expect(throws: KeyStoreProblem.malformed("it is not a JKS or JCEKS file")) {
            try JavaKeyStore(try Self.fixture("localhost.p12"), password: nil)
        }
        #expect(throws: KeyStoreProblem.integrity) {
            try JavaKeyStore(trust, password: "changeIt")
        }
    }
}

import Testing
@testable import FlowProperties

/// Vectors produced by the JCE on OpenJDK 17 with a throwaway program (not in the repository):
///
///     Cipher c = Cipher.getInstance("AES/" + mode + "/PKCS5Padding");
///     byte[] k = key.getBytes(UTF_8);
///     // CBC: c.init(ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(Arrays.copyOf(k, 16)));
///     // ECB: c.init(ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
///     Base64.getEncoder().encodeToString(c.doFinal(plain.getBytes(UTF_8)));
///
/// run as `javac SecVec.java && java -cp . SecVec`. The random-IV vectors prepend the 16 IV bytes
/// to the ciphertext, as Mule's `useRandomIVs="true"` does.
@Suite("Secure property cipher (Mule/JCE compatible)")
struct SecurePropertyCipherTests {
    static let key16 = "0123456789abcdef"
    static let key24 = "0123456789abcdef01234567"
    static let key32 = "0123456789abcdef0123456789abcdef"
    static let longText = "héllo wörld ✓ - a longer value spanning blocks"

    struct Vector: Sendable, CustomStringConvertible {
        let mode: String
        let key: String
        let plaintext: String
        let base64: String
        var description: String { "\(mode) \(key.utf8.count * 8)-bit \"\(plaintext.prefix(12))\"" }
    }

    static let javaVectors: [Vector] = [
        Vector(mode: "CBC", key: key16, plaintext: "s3cr3t-Pa55w0rd", base64: "WwHqW0Y3qQ+pnRQ8bkdfpw=="),
        Vector(mode: "CBC", key: key16, plaintext: "", base64: "7Uf+4FRcP6fdBw1EuG6Y2Q=="),
        Vector(mode: "CBC", key: key16, plaintext: "exactly16bytes!!", base64: "y71hV/S6fSvtxWrZpe/dipOhFCDs/YuN736uqjh6lSU="),
        Vector(mode: "CBC", key: key16, plaintext: longText, base64: "zRk6ZHY4deK53WAKlv1sLnyd8GeQbpEVmiNGqtuH1WrsBUGAp4uj+4Frv8Rgx5G6v9Wht1Pis/Jv9jueaaRNIQ=="),
        Vector(mode: "CBC", key: key24, plaintext: "s3cr3t-Pa55w0rd", base64: "wJKNhPNLXdI7DLXbJQBQ9Q=="),
        Vector(mode: "CBC", key: key32, plaintext: "s3cr3t-Pa55w0rd", base64: "pJLOCD0ntMEOkIgkEOOkqg=="),
        Vector(mode: "CBC", key: key32, plaintext: "", base64: "OK6Do+3SKnHs8pZTnd9zIA=="),
        Vector(mode: "CBC", key: key32, plaintext: "exactly16bytes!!", base64: "7LQOLkOGVqMpWxe2hFQB2kVX9RDwFbJwu0IsLAVaV/k="),
        Vector(mode: "CBC", key: key32, plaintext: longText, base64: "o+hotO9n4YABzBMgoj/BfvLnD4D6MfU1INDm3axL2sAlk6Wl4wtBnskpYJoMQ8mf78GvDZYGRJrre80bCtXgyQ=="),
        Vector(mode: "ECB", key: key16, plaintext: "s3cr3t-Pa55w0rd", base64: "Iv4LHpyqm1djS5unFUzbAQ=="),
        Vector(mode: "ECB", key: key16, plaintext: "", base64: "N3Ii4GGpJMWRzZwn6hY+1A=="),
        Vector(mode: "ECB", key: key16, plaintext: "exactly16bytes!!", base64: "vySh1i6plfqwFBKXZlyeIjdyIuBhqSTFkc2cJ+oWPtQ="),
        Vector(mode: "ECB", key: key16, plaintext: longText, base64: "JyhZsveATIiH5/VtkX7cj82pzOAg7PXsmXRwJJ1Zheze5S/i33rGCp7w+GWcOyo8mHEyubd4wn5Xx6hRk2C0vg=="),
        Vector(mode: "ECB", key: key24, plaintext: "s3cr3t-Pa55w0rd", base64: "uutSUXqK0RcOyClK8JIlFw=="),
        Vector(mode: "ECB", key: key32, plaintext: "s3cr3t-Pa55w0rd", base64: "OgaGXeF6UvM6uk7E2vniIQ=="),
        Vector(mode: "ECB", key: key32, plaintext: "", base64: "iqNiQf3o3wVNwyXGxpW4ng=="),
        Vector(mode: "ECB", key: key32, plaintext: "exactly16bytes!!", base64: "BtFIsS4iqzMZ2TVt1fgY64qjYkH96N8FTcMlxsaVuJ4="),
        Vector(mode: "ECB", key: key32, plaintext: longText, base64: "wRDllLZ+Kn/3ntpwXO10o2c/MyhopoNAmLOJUchZoP84DF341xmBHg/dgRZ70NmCnJcDIY9yjGhMyYycSaLs6g=="),
    ]

    @Test("encrypting gives exactly the JCE's ciphertext", arguments: javaVectors)
    func encryptMatchesJava(_ vector: Vector) throws {
        let cipher = try SecurePropertyCipher(key: vector.key, mode: vector.mode)
        #expect(cipher.encrypt(vector.plaintext) == vector.base64)
    }

    @Test("decrypting the JCE's ciphertext gives the plaintext back", arguments: javaVectors)
    func decryptJava(_ vector: Vector) throws {
        let cipher = try SecurePropertyCipher(key: vector.key, mode: vector.mode)
        #expect(try cipher.decrypt(vector.base64) == vector.plaintext)
    }

    @Test("values encrypted by Java with a random IV prepended decrypt", arguments: [
        (key16, "4+ZHQqmomJ6+wW0GFN/ZEAbVz0jHByMhQPiosXLmD5XHzbkaP388ctPc60NLeglN"),
        (key32, "4+ZHQqmomJ6+wW0GFN/ZEP08cf0y1zeTU+h1ot2Ht+N0sIFZKx9+M9JgpdiZBa/p"),
    ])
    func javaRandomIV(key: String, base64: String) throws {
        let cipher = try SecurePropertyCipher(key: key, useRandomIVs: true)
        #expect(try cipher.decrypt(base64) == "secret with random iv")
    }

    @Test("random IVs: each encryption differs, carries its IV, and round-trips")
    func randomIVRoundTrip() throws {
        let cipher = try SecurePropertyCipher(key: Self.key32, useRandomIVs: true)
        let first = cipher.encrypt("db-password")
        let second = cipher.encrypt("db-password")
        #expect(first != second)
        #expect(try cipher.decrypt(first) == "db-password")
        #expect(try cipher.decrypt(second) == "db-password")
        // 16 bytes of IV + one block → 32 bytes → 44 Base64 characters.
        #expect(first.count == 44)
        let fixed = try SecurePropertyCipher(key: Self.key32)
        #expect(fixed.encrypt("db-password") == fixed.encrypt("db-password"))
        #expect(throws: SecurePropertyCipherError.undecryptable) { try fixed.decrypt(first) }
    }

    @Test("algorithm and mode names are case-insensitive like the JCE's")
    func caseInsensitiveNames() throws {
        let cipher = try SecurePropertyCipher(key: Self.key16, algorithm: "aes", mode: "ecb")
        #expect(cipher.encrypt("s3cr3t-Pa55w0rd") == "Iv4LHpyqm1djS5unFUzbAQ==")
    }

    struct ConfigurationErrorCase: Sendable, CustomStringConvertible {
        let key: String
        let algorithm: String
        let mode: String
        let message: String
        var description: String { message }
    }

    @Test("bad settings are refused with a message listing what is supported", arguments: [
        ConfigurationErrorCase(key: "short", algorithm: "AES", mode: "CBC", message: "AES key size must be of 16, 24 or 32 characters"),
        ConfigurationErrorCase(key: "0123456789abcdef0", algorithm: "AES", mode: "CBC", message: "AES key size must be of 16, 24 or 32 characters"),
        ConfigurationErrorCase(key: "", algorithm: "AES", mode: "ECB", message: "AES key size must be of 16, 24 or 32 characters"),
        ConfigurationErrorCase(key: key16, algorithm: "Blowfish", mode: "CBC", message: "Unsupported secure properties algorithm 'Blowfish'; supported algorithms: AES"),
        ConfigurationErrorCase(key: key16, algorithm: "AES", mode: "CFB", message: "Unsupported secure properties mode 'CFB'; supported modes: CBC, ECB"),
    ])
    func configurationErrors(_ testCase: ConfigurationErrorCase) {
        do {
            _ = try SecurePropertyCipher(key: testCase.key, algorithm: testCase.algorithm, mode: testCase.mode)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == testCase.message)
        }
    }

    @Test("a wrong key or a damaged value is undecryptable, never a crash", arguments: [
        ("fedcba9876543210", "WwHqW0Y3qQ+pnRQ8bkdfpw=="),  // right value, wrong key
        (key32, "WwHqW0Y3qQ+pnRQ8bkdfpw=="),  // right value, key of another size
        (key16, "WwHqWkY3qQ+pnRQ8bkdfpw=="),  // one bit flipped
        (key16, "not base64 at all!"),
        (key16, ""),
        (key16, "AAAA"),  // 3 bytes: not a whole block
        (key16, "WwHqW0Y3qQ+pnRQ8bkdf"),  // truncated
        (key16, "y71hV/S6fSvtxWrZpe/dig=="),  // first block of "exactly16bytes!!": '!' is no padding
    ])
    func undecryptable(key: String, base64: String) throws {
        let cipher = try SecurePropertyCipher(key: key)
        #expect(throws: SecurePropertyCipherError.undecryptable) { try cipher.decrypt(base64) }
        #expect(SecurePropertyCipherError.undecryptable.description == "wrong key or corrupted value")
    }

    @Test("Base64 without '=' padding is accepted, as Java's decoder does")
    func unpaddedBase64() throws {
        let cipher = try SecurePropertyCipher(key: Self.key16)
        #expect(try cipher.decrypt("WwHqW0Y3qQ+pnRQ8bkdfpw") == "s3cr3t-Pa55w0rd")
    }

    @Test("the cipher's description never shows the key")
    func descriptionRedactsKey() throws {
        let cipher = try SecurePropertyCipher(key: Self.key32, mode: "ECB")
        #expect(cipher.description == "SecurePropertyCipher(AES/ECB/PKCS5Padding, randomIVs: false, key: <redacted>)")
        #expect(!String(describing: cipher).contains(Self.key32))
    }
}

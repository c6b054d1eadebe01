import FlowCore
import Testing
@testable import FlowProperties

@Suite("Secure properties through ${secure::…}")
struct SecurePropertiesResolutionTests {
    static let key = "0123456789abcdef"
    static let attribute = FlowCore.SourceLocation(file: "flows/app.xml", line: 7, column: 40)
    static let configLocation = FlowCore.SourceLocation(file: "flows/app.xml", line: 3, column: 5)

    /// `db.password` is "s3cr3t-Pa55w0rd" encrypted by the JCE with `key` (AES/CBC, see the cipher tests).
    static let secureYAML = """
        db:
          password: "![WwHqW0Y3qQ+pnRQ8bkdfpw==]"
          user: "app_user"
        """

    static func secureFile(_ text: String = secureYAML) -> PropertiesFile {
        PropertiesFile.parseYAML(text: text, displayName: "dev-secure.yaml").file
    }

    static func configuration(key: String = key, mode: String = "CBC", file: PropertiesFile = secureFile(), name: String = "secure") -> SecurePropertiesConfiguration {
        SecurePropertiesConfiguration(name: name, key: key, file: file, mode: mode, location: configLocation)
    }

    @Test("encrypted and plain values of the secure file are read through secure:: and flagged secret")
    func secureValues() throws {
        let token = try SecurePropertyCipher(key: Self.key).encrypt("tok-${db.user}-end")
        let secure = Self.secureFile(Self.secureYAML + "\napi:\n  token: \"![\(token)]\"\n")
        let plain = PropertiesFile.parseProperties(text: "db.user=plain_user\n", displayName: "dev.properties").file
        let resolver = PropertyResolver(files: [plain], secure: [Self.configuration(file: secure)])
        #expect(resolver.diagnostics.isEmpty)

        let password = try resolver.resolve("${secure::db.password}", at: Self.attribute)
        #expect(password == ResolvedText(value: "s3cr3t-Pa55w0rd", containsSecret: true))
        #expect(password.description == "<redacted>")
        let user = try resolver.resolve("u=${secure::db.user}", at: Self.attribute)
        #expect(user == ResolvedText(value: "u=app_user", containsSecret: true))
        // Without the prefix, the plain layers answer, never the secure file.
        #expect(try resolver.resolve("${db.user}", at: Self.attribute) == ResolvedText(value: "plain_user", containsSecret: false))
        // A secure value may refer to other properties; the result is still secret.
        #expect(try resolver.resolve("${secure::api.token}", at: Self.attribute) == ResolvedText(value: "tok-plain_user-end", containsSecret: true))

        #expect(resolver.isSecret(key: "secure::db.password"))
        #expect(!resolver.isSecret(key: "db.password"))
        #expect(resolver.readsSecret(key: "secure::db.password"))
        #expect(!resolver.readsSecret(key: "db.user"))
        #expect(resolver.value(forKey: "secure::db.password") == "s3cr3t-Pa55w0rd")
        #expect(resolver.definition(forKey: "secure::db.password")?.layer == .secure(config: "secure"))
        #expect(resolver.definition(forKey: "secure::db.password")?.isSecret == true)
    }

    @Test("secure:: never reads the other layers, and the other layers never read the secure file")
    func layersAreSeparate() {
        let resolver = PropertyResolver(commandLine: [("only.plain", "x")], environment: ["ONLY_PLAIN": "y"], secure: [Self.configuration()])
        #expect(throws: DiagnosticList.self) { try resolver.resolve("${secure::only.plain}", at: Self.attribute) }
        #expect(throws: DiagnosticList.self) { try resolver.resolve("${db.password}", at: Self.attribute) }
    }

    @Test("a wrong key names the property and its location, never its plaintext or ciphertext")
    func wrongKey() throws {
        let resolver = PropertyResolver(secure: [Self.configuration(key: "fedcba9876543210")])
        let messages = resolver.diagnostics.map(\.description)
        #expect(messages.contains("dev-secure.yaml:2:14: error: Could not decrypt secure property 'db.password': wrong key or corrupted value"))
        for message in messages {
            #expect(!message.contains("s3cr3t"))
            #expect(!message.contains("WwHqW0Y3"))
            #expect(!message.contains("fedcba9876543210"))
        }
        do {
            _ = try resolver.resolve("${secure::db.password}", at: Self.attribute)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "flows/app.xml:7:40: error: Secure property 'db.password' is unavailable because it could not be decrypted",
            ])
        }
        // Plain values of the same file stay usable.
        #expect(try resolver.resolve("${secure::db.user}", at: Self.attribute).value == "app_user")
    }

    @Test("every undecryptable value is reported, not just the first")
    func allUndecryptableReported() {
        let file = Self.secureFile("a: \"![AAAA]\"\nb: \"ok\"\nc: \"![garbage!!]\"\n")
        let resolver = PropertyResolver(secure: [Self.configuration(file: file)])
        #expect(resolver.diagnostics.map(\.description) == [
            "dev-secure.yaml:1:5: error: Could not decrypt secure property 'a': wrong key or corrupted value",
            "dev-secure.yaml:3:5: error: Could not decrypt secure property 'c': wrong key or corrupted value",
        ])
    }

    @Test("a bad config names the config, never the key", arguments: [
        ("too-short-key", "CBC", "flows/app.xml:3:5: error: Invalid secure properties config 'secure': AES key size must be of 16, 24 or 32 characters"),
        (key, "OFB", "flows/app.xml:3:5: error: Invalid secure properties config 'secure': Unsupported secure properties mode 'OFB'; supported modes: CBC, ECB"),
    ])
    func badConfiguration(key: String, mode: String, expected: String) throws {
        let resolver = PropertyResolver(secure: [Self.configuration(key: key, mode: mode)])
        #expect(resolver.diagnostics.map(\.description) == [expected])
        #expect(!Self.configuration(key: key).description.contains(key))
        #expect(Self.configuration(key: key).description == "SecurePropertiesConfiguration(name: secure, file: dev-secure.yaml, AES/CBC, randomIVs: false, key: <redacted>)")
    }

    @Test("the first secure config that defines a key wins")
    func firstConfigWins() throws {
        let first = Self.configuration(file: Self.secureFile("shared: \"from-first\"\n"), name: "first")
        let second = Self.configuration(file: Self.secureFile("shared: \"from-second\"\nonly.second: \"2\"\n"), name: "second")
        let resolver = PropertyResolver(secure: [first, second])
        #expect(resolver.value(forKey: "secure::shared") == "from-first")
        #expect(resolver.definition(forKey: "secure::only.second")?.layer == .secure(config: "second"))
    }

    @Test("problems inside a secure value are reported without quoting it")
    func redactedInnerProblems() throws {
        let cipher = try SecurePropertyCipher(key: Self.key)
        let file = Self.secureFile("pw: \"![\(cipher.encrypt("hunter2${typo}"))]\"\n")
        let resolver = PropertyResolver(secure: [Self.configuration(file: file)])
        do {
            _ = try resolver.resolve("${secure::pw}", at: Self.attribute)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "flows/app.xml:7:40: error: Couldn't resolve the placeholders inside secure property 'pw'",
            ])
            #expect(!error.description.contains("hunter2"))
            #expect(!error.description.contains("typo"))
        }
    }

    @Test("secrets reached through a plain property are still flagged")
    func secretThroughPlainProperty() throws {
        let plain = PropertiesFile.parseProperties(text: "db.url=jdbc://app:${secure::db.password}@host\n", displayName: "dev.properties").file
        let resolver = PropertyResolver(files: [plain], secure: [Self.configuration()])
        let resolved = try resolver.resolve("${db.url}", at: Self.attribute)
        #expect(resolved == ResolvedText(value: "jdbc://app:s3cr3t-Pa55w0rd@host", containsSecret: true))
        #expect(!resolver.description.contains("s3cr3t"))
    }

    @Test("ECB files decrypt too")
    func ecbFile() throws {
        let file = Self.secureFile("pw: \"![Iv4LHpyqm1djS5unFUzbAQ==]\"\n")
        let resolver = PropertyResolver(secure: [Self.configuration(mode: "ECB", file: file)])
        #expect(resolver.diagnostics.isEmpty)
        #expect(resolver.value(forKey: "secure::pw") == "s3cr3t-Pa55w0rd")
    }

    @Test("a plain key whose value is built from a secure one reads a secret too")
    func plainKeyBuiltFromSecret() {
        let plain = PropertiesFile.parseProperties(text: "db.url=jdbc:pg://app:${secure::db.password}@db\nhost=db\n", displayName: "dev.properties").file
        let resolver = PropertyResolver(files: [plain], secure: [Self.configuration()])
        #expect(resolver.readsSecret(key: "db.url"))
        #expect(!resolver.readsSecret(key: "host"))
        #expect(!resolver.readsSecret(key: "unknown"))
    }
}

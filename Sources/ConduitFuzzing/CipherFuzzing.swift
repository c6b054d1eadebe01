import FlowCore
import FlowProperties

/// Secure property values: the input (`![…]` or anything else) is the value of a secure
/// properties file, decrypted while the resolver is built with each mode Conduit supports, and
/// given straight to the cipher. A problem names the key and config, never the value. Whatever
/// the input, encrypting its text and decrypting the result must give the text back.
enum CipherFuzzing {
    static let key = "fuzzing-key-0123"
    static let modes: [(mode: String, randomIVs: Bool)] = [("CBC", false), ("CBC", true), ("ECB", false)]
    static let location = SourceLocation(file: "properties/secure.properties", line: 1, column: 1)

    static func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        let text = String(decoding: bytes, as: UTF8.self)
        let entry = PropertyEntry(key: "fuzz.secret", value: text, location: location,
                                  valueLocation: SourceLocation(file: location.file, line: 1, column: 13))
        for (mode, randomIVs) in modes {
            let file = PropertiesFile(displayName: "secure.properties", entries: [entry])
            let resolver = PropertyResolver(secure: [SecurePropertiesConfiguration(
                name: "Secure_Props", key: key, file: file, mode: mode, useRandomIVs: randomIVs,
                location: SourceLocation(file: "flows/fuzz.xml", line: 4, column: 5))])
            for diagnostic in resolver.diagnostics where text.count >= 6 && diagnostic.message.contains(text) {
                throw FuzzFinding("a secure-properties diagnostic shows the value: \(diagnostic)")
            }
            _ = try? resolver.resolve("${secure::fuzz.secret}", at: SourceLocation(file: "flows/fuzz.xml", line: 9, column: 20))

            let cipher: SecurePropertyCipher
            do {
                cipher = try SecurePropertyCipher(key: key, mode: mode, useRandomIVs: randomIVs)
            } catch {
                throw FuzzFinding("the fixed key was refused: \(error)")
            }
            let wrapped = text.hasPrefix("![") && text.hasSuffix("]") && text.count >= 3
            _ = try? cipher.decrypt(wrapped ? String(text.dropFirst(2).dropLast()) : text)
            let encrypted = cipher.encrypt(text)
            let decrypted: String
            do {
                decrypted = try cipher.decrypt(encrypted)
            } catch {
                throw FuzzFinding("\(mode) (random IVs \(randomIVs)) could not decrypt what it encrypted: \(error)")
            }
            guard decrypted == text else {
                throw FuzzFinding("\(mode) (random IVs \(randomIVs)) did not round-trip: \(bytes) came back as \(Array(decrypted.utf8))")
            }
        }
        // The key a config names is text from a property too.
        let keyText = String(text.prefix { $0 != "\n" })
        _ = try? SecurePropertyCipher(key: keyText).decrypt(String(text.drop { $0 != "\n" }))
    }
}

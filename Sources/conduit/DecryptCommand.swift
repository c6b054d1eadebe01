import ArgumentParser
import Foundation
import FlowProperties

/// `conduit decrypt`: checks a `![…]` value by decrypting it with the given key.
struct DecryptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Decrypt a secure property value (with or without the ![ ] markers).")

    @OptionGroup var cipher: CipherOptions

    @Argument(help: "The encrypted value, as written in the file.")
    var value: String

    func run() async throws {
        let key = try cipher.resolvedKey(environment: ProcessInfo.processInfo.environment)
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("!["), text.hasSuffix("]") { text = String(text.dropFirst(2).dropLast()) }
        do {
            let engine = try SecurePropertyCipher(key: key, algorithm: cipher.algorithm, mode: cipher.mode, useRandomIVs: cipher.useRandomIVs)
            print(try engine.decrypt(text))
        } catch {
            FileHandle.standardError.write(Data("error: could not decrypt the value: wrong key, algorithm or mode, or a corrupted value\n".utf8))
            throw ExitCode(1)
        }
    }
}

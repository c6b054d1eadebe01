import ArgumentParser
import Foundation
import FlowProperties

/// `conduit encrypt`: produces a `![…]` value for a secure properties file.
struct EncryptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt",
        abstract: "Encrypt a value for a secure properties file (prints ![base64]).")

    @OptionGroup var cipher: CipherOptions

    @Argument(help: "The value to encrypt.")
    var value: String

    func run() async throws {
        let key = try cipher.resolvedKey(environment: ProcessInfo.processInfo.environment)
        do {
            let engine = try SecurePropertyCipher(key: key, algorithm: cipher.algorithm, mode: cipher.mode, useRandomIVs: cipher.useRandomIVs)
            print("![\(engine.encrypt(value))]")
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

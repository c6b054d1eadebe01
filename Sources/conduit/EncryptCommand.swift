import ArgumentParser

/// `conduit encrypt` (not implemented yet).
struct EncryptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encrypt", abstract: "Not implemented yet.")

    func run() async throws {
        throw ExitCode(2)
    }
}

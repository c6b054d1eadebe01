import ArgumentParser

/// `conduit decrypt` (not implemented yet).
struct DecryptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decrypt", abstract: "Not implemented yet.")

    func run() async throws {
        throw ExitCode(2)
    }
}

import ArgumentParser

/// `conduit sandbox` (not implemented yet).
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Not implemented yet.")

    func run() async throws {
        throw ExitCode(2)
    }
}

import ArgumentParser

/// The `conduit` command: runs, validates and supports Mule 4 flow apps.
@main
struct Conduit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduit",
        abstract: "Runs integration flows written in Mule 4's XML dialect.",
        subcommands: [ValidateCommand.self, RunCommand.self, SandboxCommand.self, EncryptCommand.self, DecryptCommand.self]
    )
}

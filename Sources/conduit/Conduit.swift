import ArgumentParser
import FlowCore
import Foundation

/// The `conduit` command: runs, validates and supports Mule 4 flow apps.
@main
struct Conduit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduit",
        abstract: "Runs integration flows written in Mule 4's XML dialect.",
        discussion: "Exit codes: 0 success, 1 the app or input is wrong (diagnostics printed), 2 usage error.",
        subcommands: [ValidateCommand.self, RunCommand.self, SandboxCommand.self, EncryptCommand.self, DecryptCommand.self]
    )

    /// Runs the chosen command, mapping usage errors to exit code 2 (ArgumentParser's default is
    /// 64) so that scripts can tell "you called it wrong" from "your app is wrong" (1).
    static func main() async {
        HeapRetention.apply(environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

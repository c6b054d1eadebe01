import ArgumentParser
import Foundation
import FlowModel

/// `conduit validate`: loads the app and prints every problem, without running anything.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an app's flows and properties and print every problem as file:line:col.",
        discussion: "Exits 0 when the app is clean (warnings allowed), 1 when it has errors, 2 on usage errors.")

    @OptionGroup var options: AppOptions

    func run() async throws {
        let result = AppLoader.load(try options.loadOptions())
        DiagnosticPrinter.print(result.diagnostics)
        if result.hasErrors { throw ExitCode(1) }
        let app = result.app
        print("\(options.app): ok (\(app?.flows.count ?? 0) flows, \(app?.files.count ?? 0) files)")
    }
}

import ArgumentParser
import FlowEngine
import Foundation
import FlowModel
import Logging

/// `conduit validate`: loads the app, builds it without starting anything, and prints every
/// problem the loader and the connectors find.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an app's flows and properties and print every problem as file:line:col.",
        discussion: "Exits 0 when the app is clean (warnings allowed), 1 when it has errors, 2 on usage errors.")

    @OptionGroup var options: AppOptions

    func run() async throws {
        let loaded = AppLoader.load(try options.loadOptions())
        let prepared = Runtime.prepare(loaded, connectors: ConnectorCatalog.connectors, options: RuntimeOptions(logHandlerFactory: { _ in SwiftLogNoOpLogHandler() }))
        DiagnosticPrinter.print(prepared.diagnostics)
        guard prepared.runtime != nil, let app = loaded.app else { throw ExitCode(1) }
        print("\(options.app): ok (\(app.flows.count) flows, \(app.files.count) files)")
    }
}

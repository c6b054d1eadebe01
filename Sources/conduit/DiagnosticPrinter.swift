import Foundation
import FlowCore

/// Prints diagnostics to standard error in `file:line:col: error: message` form, then a count.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

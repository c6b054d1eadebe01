import FlowCore
import FlowExpression
import FlowFormats
import Testing

/// One conformance case: a DataWeave script, the payload it reads (JSON text, or nil for
/// none), and the exact text it writes. A script that does not start with a header gets
/// `output application/json indent=false`, so most expectations are compact JSON.
struct ScriptCase: CustomTestStringConvertible, Sendable {
    let script: String
    let payload: String?
    /// The payload's media type: JSON unless a case reads XML or CSV.
    let payloadType: String
    let expected: String

    init(_ script: String, payload: String? = nil, payloadType: String = "application/json", _ expected: String) {
        self.script = script
        self.payload = payload
        self.payloadType = payloadType
        self.expected = expected
    }

    var testDescription: String { script.count > 60 ? String(script.prefix(60)) + "…" : script }

    /// Whether the case gives its own header; a bare body is compiled as a script with no
    /// `output` and its value written as compact JSON, which the expected texts spell.
    var hasHeader: Bool { script.hasPrefix("%dw") || script.hasPrefix("output") }

    /// The full script text as compiled.
    var source: String {
        hasHeader ? script : "%dw 2.0\n---\n" + script
    }

    /// Compiles and runs the script, writing its result the way its `output` says.
    func run(vars: ValueObject = ValueObject()) throws -> String {
        let expression = try ExpressionCompiler.compileScript(source, at: .verbatim(source.unicodeScalars, from: FlowCore.SourceLocation(file: "case.dwl", line: 1, column: 1)))
        let input = try payload.map { try DataFormats.format(for: payloadType)!.read($0) } ?? .null
        let value = try expression.evaluate(EvaluationContext(payload: input, vars: vars))
        guard hasHeader else { return JSON.encode(value) }
        guard let output = expression.output, output.keepsValue, let format = DataFormats.format(for: output.mediaType) else {
            if case .string(let text) = value { return text }
            return JSON.encode(value)
        }
        return try format.writeText(value, properties: output.properties)
    }
}

/// The failure message a case's script raises (compile or run time).
func failureMessage(_ script: String, payload: String? = nil) -> String? {
    let scriptCase = ScriptCase(script, payload: payload, "")
    do {
        _ = try scriptCase.run()
        return nil
    } catch let error as DiagnosticList {
        return error.diagnostics.map(\.message).joined(separator: "\n")
    } catch let error as ExpressionError {
        return error.message
    } catch {
        return "\(error)"
    }
}

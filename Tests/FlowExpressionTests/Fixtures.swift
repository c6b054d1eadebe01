import Foundation
import FlowCore
import FlowExpression
import FlowFormats
import Testing

/// A decimal from its text, for expected values.
func dec(_ text: String) -> Value { .decimal(Decimal(string: text)!) }

/// The context most tests evaluate against.
enum Fixtures {
    static let payload: Value = [
        "company_id": 562_949_953_437_078,
        "name": "Tower",
        "count": 3,
        "price": .decimal(Decimal(string: "2.5")!),
        "tags": ["a", "b", "c"],
        "items": [
            ["id": 1, "name": "bolt", "qty": 10],
            ["id": 2, "name": "nut", "qty": 5],
            ["id": 3, "qty": 10],
        ],
        "nested": ["a": ["b": ["c": ["d": ["e": "deep"]]]]],
        "a-b": "dashed",
        "nothing": nil,
        "flag": true,
        "numeric": "42",
        "text": "  Hello World  ",
    ]

    static let attributes: Value = [
        "queryParams": .object(ValueObject([("page", "2"), ("notify", "a"), ("notify", "b")])),
        "method": "GET",
    ]

    static let context = EvaluationContext(
        payload: payload,
        attributes: attributes,
        vars: ValueObject([("key", "name"), ("limit", 2), ("list", [3, 1, 2])]),
        error: EvaluationContext.errorObject(
            description: "Not found", namespace: "PROCORE", identifier: "NOT_FOUND",
            errorMessage: (payload: ["message": "missing"], attributes: ["statusCode": 404])),
        correlationId: "corr-1",
        flowName: "create-project",
        appName: "procore-app",
        property: { key in ["procore.company": "562949953437078", "http.port": "8081"][key] }
    )

    static let location = SourceLocation(file: "flows/app.xml", line: 10, column: 20)

    static func evaluate(_ source: String, in context: EvaluationContext = context) throws -> Value {
        try ExpressionCompiler.compile(source, at: location).evaluate(context)
    }

    /// The DataWeave script `script` run on `payload` given as `bytes` in `mediaType`: its result
    /// as compact JSON, or "failed: " and the failure's first line. `readFirst` reads the payload
    /// before the script runs, for the cases that must come out the same whether a script reads
    /// the bytes as it goes or the value read at once.
    static func runScript(_ script: String, payload bytes: String, mediaType: String, readFirst: Bool) throws -> String {
        let source = "%dw 2.0\n---\n" + script
        let expression = try ExpressionCompiler.compileScript(
            source, at: .verbatim(source.unicodeScalars, from: SourceLocation(file: "case.dwl", line: 1, column: 1)))
        let payload = TypedValue(content: Array(bytes.utf8), mediaType: try #require(MediaType(parsing: mediaType)))
        if readFirst { _ = try? payload.value }
        do {
            return JSON.encode(try expression.evaluate(EvaluationContext(payload: payload)))
        } catch {
            return "failed: " + (error.message.split(separator: "\n").first.map(String.init) ?? "")
        }
    }
}

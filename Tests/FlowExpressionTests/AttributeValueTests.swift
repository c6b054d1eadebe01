import FlowCore
import FlowExpression
import Testing

@Suite struct AttributeValueTests {
    static let valueStart = SourceLocation(file: "flows/app.xml", line: 5, column: 10)

    static func evaluate(_ raw: String, _ mode: ValueMode) throws -> Value {
        try AttributeValue.parse(raw, mode: mode, at: valueStart).evaluate(Fixtures.context)
    }

    static let connectorCases: [(String, Value)] = [
        ("#[payload.company_id]", .int(562_949_953_437_078)),
        ("  #[payload.name]  ", "Tower"),
        ("#[payload.tags]", ["a", "b", "c"]),
        ("Hello #[payload.name]", "Hello #[payload.name]"),
        ("plain text", "plain text"),
        ("payload.name", "payload.name"),
        ("", ""),
    ]

    static let templateCases: [(String, Value)] = [
        ("#[payload.count]", 3),
        (" #[payload.tags] ", ["a", "b", "c"]),
        ("Count: #[payload.count] items", "Count: 3 items"),
        ("#[payload.count]#[payload.count]", "33"),
        ("#[payload.name] and #[vars.key]", "Tower and name"),
        ("x #[payload.tags]", #"x ["a","b","c"]"#),
        ("#[payload.missing] here", "null here"),
        ("#['a]b']", "a]b"),
        ("[#[payload.count]]", "[3]"),
        ("#[payload.items map $.id] ids", "[1,2,3] ids"),
        ("Failed: #[error.errorType]", "Failed: PROCORE:NOT_FOUND"),
        ("no expression", "no expression"),
        ("", ""),
    ]

    static let bareCases: [(String, Value)] = [
        ("payload.count > 2", true),
        ("#[payload.count > 2]", true),
        (" #[payload.items] ", [["id": 1, "name": "bolt", "qty": 10], ["id": 2, "name": "nut", "qty": 5], ["id": 3, "qty": 10]]),
        ("vars.list", [3, 1, 2]),
    ]

    @Test(arguments: connectorCases)
    func connectorParameter(raw: String, expected: Value) throws {
        #expect(try Self.evaluate(raw, .connectorParameter) == expected)
    }

    @Test(arguments: templateCases)
    func template(raw: String, expected: Value) throws {
        #expect(try Self.evaluate(raw, .template) == expected)
    }

    @Test(arguments: bareCases)
    func bareExpression(raw: String, expected: Value) throws {
        #expect(try Self.evaluate(raw, .bareExpression) == expected)
    }

    @Test func classifiesValues() throws {
        guard case .literal = try AttributeValue.parse("Hello #[x]", mode: .connectorParameter, at: Self.valueStart) else {
            Issue.record("connector text with #[ should be literal")
            return
        }
        guard case .template(let parts) = try AttributeValue.parse("a #[payload] b", mode: .template, at: Self.valueStart),
              parts.count == 3, case .text("a ") = parts[0], case .expression(let expression) = parts[1], case .text(" b") = parts[2]
        else {
            Issue.record("expected a three-part template")
            return
        }
        #expect(expression.source == "payload")
        #expect(expression.location == SourceLocation(file: "flows/app.xml", line: 5, column: 14))
        guard case .expression(let whole) = try AttributeValue.parse(" #[ payload ]", mode: .template, at: Self.valueStart) else {
            Issue.record("expected one expression")
            return
        }
        #expect(whole.source == " payload ")
        #expect(whole.location == SourceLocation(file: "flows/app.xml", line: 5, column: 13))
    }

    /// (raw, mode, column of the error, message); the value starts at column 10.
    static let syntaxErrors: [(String, ValueMode, Int, String)] = [
        ("#[payload.a)]", .connectorParameter, 21, "Invalid expression: unexpected ')'"),
        ("#[payload] #[payload]", .connectorParameter, 19, "Invalid expression: unexpected ']'"),
        ("#[]", .connectorParameter, 12, "Invalid expression: empty expression"),
        ("a #[1 +] b", .template, 17, "Invalid expression: unexpected end of expression"),
        ("ok #[payload] then #[payload.", .template, 29, "Invalid expression: missing ']' to close '#['"),
        ("#[payload.tags[0]", .template, 10, "Invalid expression: missing ']' to close '#['"),
        ("payload.count >", .bareExpression, 25, "Invalid expression: unexpected end of expression"),
        ("", .bareExpression, 10, "Invalid expression: empty expression"),
        ("#[foo]", .bareExpression, 12, "Invalid expression: unknown name 'foo'"),
    ]

    @Test(arguments: syntaxErrors)
    func syntaxErrorPointsIntoTheAttribute(raw: String, mode: ValueMode, column: Int, message: String) {
        #expect(throws: Diagnostic.error(message, at: SourceLocation(file: "flows/app.xml", line: 5, column: column))) {
            try AttributeValue.parse(raw, mode: mode, at: Self.valueStart)
        }
    }

    @Test func multiLineTemplatesPointAtTheRightLine() {
        #expect(throws: Diagnostic.error("Invalid expression: unknown name 'nope'",
                                         at: SourceLocation(file: "flows/app.xml", line: 6, column: 10))) {
            try AttributeValue.parse("first line\nsecond #[nope]", mode: .template, at: Self.valueStart)
        }
    }

    @Test func evaluationErrorsCarryTheEmbeddedExpression() throws {
        let value = try AttributeValue.parse("Age: #[payload.missing < 16]", mode: .template, at: Self.valueStart)
        #expect(throws: ExpressionError(
            message: "You called the function '<' with these arguments: 1: Null (null) 2: Number (16)",
            expression: "payload.missing < 16",
            location: SourceLocation(file: "flows/app.xml", line: 5, column: 17))) {
            try value.evaluate(Fixtures.context)
        }
    }
}

import FlowCore
import FlowExpression
import Testing

/// Evaluation errors: the exact message (DataWeave's wording), the expression text and location.
@Suite struct ExpressionFailureTests {
    static let failures: [(String, String)] = [
        ("payload.missing < 16", "You called the function '<' with these arguments: 1: Null (null) 2: Number (16)"),
        ("16 >= payload.missing", "You called the function '>=' with these arguments: 1: Number (16) 2: Null (null)"),
        ("null + 1", "You called the function '+' with these arguments: 1: Null (null) 2: Number (1)"),
        ("1 - null", "You called the function '-' with these arguments: 1: Number (1) 2: Null (null)"),
        ("payload.missing * 2", "You called the function '*' with these arguments: 1: Null (null) 2: Number (2)"),
        ("'x' ++ null", "You called the function '++' with these arguments: 1: String (\"x\") 2: Null (null)"),
        ("'abc' + 1", "You called the function '+' with these arguments: 1: String (\"abc\") 2: Number (1)"),
        ("{a: 1} + 1", "You called the function '+' with these arguments: 1: Object ({\"a\":1}) 2: Number (1)"),
        ("-'abc'", "You called the function '-' with these arguments: 1: String (\"abc\")"),
        ("1 / 0", "Division by zero"),
        ("1.5 / 0", "Division by zero"),
        ("payload.missing and true", "You called the function 'and' with these arguments: 1: Null (null) 2: Boolean (true)"),
        ("false or 1", "You called the function 'or' with these arguments: 1: Boolean (false) 2: Number (1)"),
        ("not payload.name", "You called the function 'not' with these arguments: 1: String (\"Tower\")"),
        ("!1", "You called the function '!' with these arguments: 1: Number (1)"),
        ("[1] < [2]", "You called the function '<' with these arguments: 1: Array ([1]) 2: Array ([2])"),
        ("1 < 'abc'", "You called the function '<' with these arguments: 1: Number (1) 2: String (\"abc\")"),
        ("if (payload.missing) 1 else 2", "The condition of 'if' must be a Boolean, got Null (null)"),
        ("'abc' as Number", "Cannot coerce String (abc) to Number"),
        ("null as String", "Cannot coerce Null (null) to String"),
        ("payload.tags as String", "Cannot coerce Array ([\"a\",\"b\",\"c\"]) to String"),
        ("1 as Boolean", "Cannot coerce Number (1) to Boolean"),
        ("'yes' as Boolean", "Cannot coerce String (yes) to Boolean"),
        ("payload.name as Object", "Cannot coerce String (Tower) to Object"),
        ("payload.name.first", "Cannot use the selector '.first' on String (\"Tower\"), it needs an Object or an Array"),
        ("payload.count.*x", "Cannot use the selector '.*x' on Number (3), it needs an Object or an Array"),
        ("true..x", "Cannot use the selector '..x' on Boolean (true), it needs an Object or an Array"),
        ("payload.tags[true]", "Cannot select with Boolean (true), an index must be a whole Number or a String"),
        ("payload.tags[0.5]", "Cannot select with Number (0.5), an index must be a whole Number or a String"),
        ("sizeOf(1)", "You called the function 'sizeOf' with these arguments: 1: Number (1)"),
        ("upper([1])", "You called the function 'upper' with these arguments: 1: Array ([1])"),
        ("payload.count splitBy ','", "You called the function 'splitBy' with these arguments: 1: Number (3) 2: String (\",\")"),
        ("[{}] joinBy ','", "You called the function 'joinBy' with these arguments: 1: Array ([{}]) 2: String (\",\")"),
        ("payload map $", "You called the function 'map' with these arguments: 1: Object ({\"company_id\":562949953437078,\"name\":\"To…) 2: Function"),
        ("[1, 'a'] filter $", "You called the function 'filter' with these arguments: 1: Number (1)"),
        ("max([1, 'a'])", "You called the function 'max' with these arguments: 1: Array ([1,\"a\"])"),
        ("{(payload.tags): 1}", "An object key must be a String, got Array ([\"a\",\"b\",\"c\"])"),
        ("{(payload.name)}", "Only an Object or an Array of Objects can be merged into an object, got String (\"Tower\")"),
        ("p(1)", "You called the function 'p' with these arguments: 1: Number (1)"),
        ("payload.tags[0 to 'x']", "A range needs whole Numbers, got Number (0) to String (\"x\")"),
        ("'x' ++ {a: 1}", "You called the function '++' with these arguments: 1: String (\"x\") 2: Object ({\"a\":1})"),
    ]

    @Test(arguments: failures)
    func failsWithMessage(source: String, message: String) throws {
        let location = SourceLocation(file: "flows/app.xml", line: 4, column: 31)
        let expression = try ExpressionCompiler.compile(source, at: location)
        #expect(throws: ExpressionError(message: message, expression: source, location: location)) {
            try expression.evaluate(Fixtures.context)
        }
    }

    @Test func longValuesAreShortenedInMessages() throws {
        let long = String(repeating: "x", count: 100)
        let expression = try ExpressionCompiler.compile("payload + 1", at: Fixtures.location)
        #expect(throws: ExpressionError(
            message: "You called the function '+' with these arguments: 1: String (\"\(String(repeating: "x", count: 39))…) 2: Number (1)",
            expression: "payload + 1", location: Fixtures.location)) {
            try expression.evaluate(EvaluationContext(payload: .string(long)))
        }
    }

    @Test func errorDescriptionShowsLocationAndExpression() {
        let error = ExpressionError(message: "Division by zero", expression: "1 / 0",
                                    location: SourceLocation(file: "a.xml", line: 3, column: 9))
        #expect(error.description == "a.xml:3:9: Division by zero\n  in expression: 1 / 0")
    }

    /// A failure after `p()` read a secret says so without quoting any value; other properties
    /// still show theirs.
    @Test(arguments: [
        ("p('secure::db.password') + 1", true), ("Mule::p('secure::db.password') as Number", true),
        ("upper(p('db.url')) + p('plain')", true), ("p('plain') + 1", false),
    ])
    func secretsStayOutOfMessages(source: String, readsSecret: Bool) throws {
        let properties = ["secure::db.password": "hunter2", "db.url": "pg://app:hunter2@db", "plain": "abc"]
        let context = EvaluationContext(property: { properties[$0] },
                                        isSecretProperty: { $0.hasPrefix("secure::") || $0 == "db.url" })
        do {
            _ = try Fixtures.evaluate(source, in: context)
            Issue.record("\(source) should fail")
        } catch let error as ExpressionError {
            if readsSecret {
                #expect(error.message == Expression.secureFailureMessage)
                #expect(!error.description.contains("hunter2"))
            } else {
                #expect(error.message == "You called the function '+' with these arguments: 1: String (\"abc\") 2: Number (1)")
            }
        }
    }
}

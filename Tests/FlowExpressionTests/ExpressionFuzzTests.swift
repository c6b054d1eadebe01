import ConduitTestSupport
import FlowCore
import FlowExpression
import Testing

/// Random, garbled and mutated text must never crash or hang the compiler or the evaluator:
/// each case ends in a value, a diagnostic, or an evaluation error.
@Suite struct ExpressionFuzzTests {
    static let fragments: [String] = [
        "payload", "vars", "attributes", "error", ".", "..", ".*", "[", "]", "(", ")", "{", "}", ",", ":", "?",
        "+", "-", "*", "/", "++", "==", "!=", "<", ">=", "~=", "!", "not", "and", "or", "default", "if", "else",
        "as", "String", "Number", "is", "map", "filter", "reduce", "orderBy", "groupBy", "distinctBy", "$", "$$",
        "->", "(x) ->", "'str'", "\"a $(", "\"", "'", "\\", "1", "-9223372036854775808", "1.5e3", "0", "true", "null",
        "sizeOf(", "upper(", "p('k')", "Mule::", "replace", "with", "to", "#[", "--- ", "/*", "//", "\n", " ", "é", "😀",
        "payload.items", "[?(", "= 0", "name", "company_id",
    ]

    /// Expressions from the other tests, mutated byte by byte.
    static let corpus: [String] = ExpressionEvaluationTests.selectors.map(\.0)
        + ExpressionEvaluationTests.operators.map(\.0)
        + ExpressionEvaluationTests.functions.map(\.0)
        + ExpressionEvaluationTests.higherOrder.map(\.0)
        + ExpressionEvaluationTests.literals.map(\.0)

    static func exercise(_ text: String) {
        let location = SourceLocation(file: "fuzz.xml", line: 1, column: 1)
        if let expression = try? ExpressionCompiler.compile(text, at: location) {
            _ = try? expression.evaluate(Fixtures.context)
        }
        for mode in [ValueMode.template, .connectorParameter] {
            if let value = try? AttributeValue.parse(text, mode: mode, at: location) {
                _ = try? value.evaluate(Fixtures.context)
            }
        }
    }

    @Test func randomScalars() {
        var random = SeededRandom(seed: 0xDA7A)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &random)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let value = Bool.random(using: &random)
                    ? UInt32.random(in: 0x20...0x7E, using: &random)
                    : UInt32.random(in: 0...0x2FFF, using: &random)
                scalars.append(Unicode.Scalar(value) ?? "?")
            }
            Self.exercise(String(scalars))
        }
    }

    @Test func garbledTokens() {
        var random = SeededRandom(seed: 99)
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...25, using: &random)
            Self.exercise((0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined(separator: " "))
            Self.exercise((0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined())
        }
    }

    @Test func mutatedValidExpressions() {
        var random = SeededRandom(seed: 2025)
        for _ in 0..<2_000 {
            var scalars = Array(Self.corpus.randomElement(using: &random)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0...scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where position < scalars.count: scalars.remove(at: position)
                case 1: scalars.insert(contentsOf: Self.fragments.randomElement(using: &random)!.unicodeScalars, at: position)
                default:
                    if position < scalars.count {
                        scalars[position] = Self.fragments.randomElement(using: &random)!.unicodeScalars.first ?? "x"
                    }
                }
            }
            Self.exercise(String(String.UnicodeScalarView(scalars)))
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let location = SourceLocation(file: "fuzz.xml", line: 1, column: 1)
        for opener in ["(", "[", "{a:", "-", "!", "not ", "\"$(", "if (true) ", "[1] map ("] {
            let text = String(repeating: opener, count: 5_000) + "1"
            #expect(throws: Diagnostic.self) { try ExpressionCompiler.compile(text, at: location) }
        }
    }
}

import ConduitTestSupport
import FlowCore
import FlowExpression
import Testing

/// Properties that hold for any input, checked on seeded random values so a failure replays:
/// `read(write(x))` gives `x` back through a script, and `map`/`filter` obey their laws.
@Suite struct ScriptPropertyTests {
    /// A random JSON-shaped value, at most `depth` levels deep.
    static func randomValue(_ random: inout SeededRandom, depth: Int) -> Value {
        switch Int.random(in: 0..<(depth > 0 ? 8 : 6), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .int(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random))
        case 3: return DecimalText.number("\(Int.random(in: -99_999...99_999, using: &random)).\(Int.random(in: 1...999, using: &random))") ?? .null
        case 4: return .double(Double(Int.random(in: 1...9, using: &random)) * 1e300)
        case 5:
            let alphabet = Array("abcXYZ 019_-\"\\/é😀\n\t")
            return .string(String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        case 6: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(&random, depth: depth - 1) })
        default:
            var object = ValueObject()
            for index in 0..<Int.random(in: 0...4, using: &random) { object.append("k\(index)", randomValue(&random, depth: depth - 1)) }
            return .object(object)
        }
    }

    static func compile(_ source: String) throws -> Expression {
        try ExpressionCompiler.compileScript(source, at: .verbatim(source.unicodeScalars, from: SourceLocation(file: "p.dwl", line: 1, column: 1)))
    }

    @Test("read(write(x, json), json) == x for 500 random values, compact and indented")
    func jsonRoundTrip() throws {
        let compact = try Self.compile("%dw 2.0\noutput application/java\n---\nread(write(payload, \"application/json\", {indent: false}), \"application/json\")")
        let indented = try Self.compile("%dw 2.0\noutput application/java\n---\nread(write(payload, \"application/json\"), \"application/json\")")
        var random = SeededRandom(seed: 0xDA7A_3EAF)
        for _ in 0..<500 {
            let value = Self.randomValue(&random, depth: 4)
            let context = EvaluationContext(payload: value)
            #expect(try compact.evaluate(context) == value, "\(JSON.encode(value))")
            #expect(try indented.evaluate(context) == value, "\(JSON.encode(value))")
        }
    }

    @Test("map laws: identity, composition, and filter then map equals map of the filtered")
    func mapAndFilterLaws() throws {
        let identity = try Self.compile("%dw 2.0\noutput application/java\n---\npayload map $")
        let composed = try Self.compile("%dw 2.0\noutput application/java\nfun f(x) = x * 3\nfun g(x) = x + 7\n---\n(payload map f($)) map g($)")
        let fused = try Self.compile("%dw 2.0\noutput application/java\nfun f(x) = x * 3\nfun g(x) = x + 7\n---\npayload map g(f($))")
        let filterMap = try Self.compile("%dw 2.0\noutput application/java\n---\n(payload filter isEven($)) map ($ * 2)")
        let mapFilter = try Self.compile("%dw 2.0\noutput application/java\n---\n(payload map ($ * 2)) filter ((($ / 2) mod 2) == 0)")
        let sizes = try Self.compile("%dw 2.0\noutput application/java\n---\nsizeOf(payload filter ($ > 0)) + sizeOf(payload filter not ($ > 0)) == sizeOf(payload)")
        var random = SeededRandom(seed: 0x5EED)
        for _ in 0..<300 {
            let numbers = Value.array((0..<Int.random(in: 0...20, using: &random)).map { _ in .int(Int64.random(in: -1000...1000, using: &random)) })
            let context = EvaluationContext(payload: numbers)
            #expect(try identity.evaluate(context) == numbers)
            #expect(try composed.evaluate(context) == fused.evaluate(context))
            #expect(try filterMap.evaluate(context) == mapFilter.evaluate(context))
            #expect(try sizes.evaluate(context) == true)
        }
    }

    @Test("orderBy is stable and groupBy keeps every item once")
    func orderAndGroup() throws {
        let order = try Self.compile("%dw 2.0\noutput application/java\n---\n(payload orderBy ($.k)) map $.i")
        let group = try Self.compile("%dw 2.0\noutput application/java\n---\nflatten(valuesOf(payload groupBy $.k)) orderBy $.i")
        var random = SeededRandom(seed: 0x0DE7)
        for _ in 0..<200 {
            let items = (0..<Int.random(in: 0...15, using: &random)).map { index in
                Value.object(ValueObject([("i", .int(Int64(index))), ("k", .int(Int64.random(in: 0...3, using: &random)))]))
            }
            let context = EvaluationContext(payload: .array(items))
            let expected = items.enumerated().sorted { a, b in
                let (ka, kb) = (a.element["k"]!, b.element["k"]!)
                return ka == kb ? a.offset < b.offset : (ka.arrayValue == nil && (JSON.encode(ka) < JSON.encode(kb)))
            }.map { $0.element["i"]! }
            #expect(try order.evaluate(context) == .array(expected))
            #expect(try group.evaluate(context) == .array(items))
        }
    }
}

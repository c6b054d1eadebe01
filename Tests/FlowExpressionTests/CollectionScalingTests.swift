import FlowCore
import FlowFormats
import FlowExpression
import Foundation
import Testing

/// Issue 21 L3: `distinctBy` and `groupBy` over request-sized arrays take time in proportion to
/// the array, not its square. No test times them (speed is for benchmarks); compared pairwise,
/// 40,000 keys take minutes in a debug build (131 s and 92 s measured), past the minute's limit.
@Suite struct CollectionScalingTests {
    /// 40,000 distinct numbers: compared pairwise that is 800 million comparisons (minutes in a
    /// debug build); hashed, well under a second.
    static let count = 40_000

    static func numbers() -> Value { .array((0..<count).map { .int(Int64($0)) }) }

    static func evaluate(_ source: String) throws -> Value {
        var context = Fixtures.context
        context.payload = TypedValue(numbers())
        return try Fixtures.evaluate(source, in: context)
    }

    @Test("distinctBy over 40,000 distinct numbers finishes within the minute", .timeLimit(.minutes(1)))
    func distinctByScales() throws {
        let result = try Self.evaluate("sizeOf(payload distinctBy $)")
        #expect(result == .int(Int64(Self.count)))
    }

    @Test("groupBy over 40,000 distinct keys finishes within the minute", .timeLimit(.minutes(1)))
    func groupByScales() throws {
        let result = try Self.evaluate("sizeOf(keysOf(payload groupBy $))")
        #expect(result == .int(Int64(Self.count)))
    }

    @Test("distinctBy still treats equal numbers of either kind, and objects in any key order, as one")
    func distinctBySemantics() throws {
        let result = try Fixtures.evaluate("[1, 1.0, 2.50, 2.5, {a: 1, b: 2}, {b: 2, a: 1}, [1], [1.0], null, null, '1', true] distinctBy $")
        #expect(result == [1, dec("2.50"), ["a": 1, "b": 2], [1], nil, "1", true])
    }

    @Test("groupBy keeps the first-seen order of its keys")
    func groupByOrder() throws {
        let result = try Fixtures.evaluate("[3, 1, 3, 2, 1] groupBy $")
        #expect(result == .object(ValueObject([("3", [3, 3]), ("1", [1, 1]), ("2", [2])])))
    }
}

import FlowCore
import Testing

@Suite("Object key shapes")
struct ObjectKeyShapeTests {
    static func object(_ keys: [String]) -> ValueObject {
        ValueObject(keys.enumerated().map { ($1, Value.int(Int64($0))) })
    }

    static let keys = ["id", "name", "accounting_project_number", "caf\u{E9}", "designated_market_area"]

    @Test("an object with the same keys in the same order matches, whatever its values")
    func sameKeys() {
        let shape = ObjectKeyShape(of: Self.object(Self.keys))
        #expect(shape.matches(ValueObject(Self.keys.map { ($0, Value.string("other")) })))
        #expect(ObjectKeyShape(of: ValueObject()).matches(ValueObject()))
    }

    @Test("another order, count, short key, long key or spelling of a non-ASCII key does not", arguments: [
        ["name", "id", "accounting_project_number", "caf\u{E9}", "designated_market_area"],
        ["id", "name", "accounting_project_number", "caf\u{E9}"],
        ["id", "name", "accounting_project_number", "caf\u{E9}", "designated_market_area", "x"],
        ["ix", "name", "accounting_project_number", "caf\u{E9}", "designated_market_area"],
        ["id", "name", "accounting_project_numbeR", "caf\u{E9}", "designated_market_area"],
        ["id", "name", "accounting_project_number", "cafe\u{301}", "designated_market_area"],
        ["id", "name", "accounting_project_number", "caf\u{E8}", "designated_market_area"],
    ])
    func otherKeys(_ keys: [String]) {
        #expect(!ObjectKeyShape(of: Self.object(Self.keys)).matches(Self.object(keys)))
    }
}

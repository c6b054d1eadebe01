import FlowCore
import Testing

@Suite struct KeyDetailsTests {
    static let order = KeyDetails(namespace: KeyNamespace(prefix: "o", uri: "urn:orders"),
                                  attributes: ValueObject([("id", "7")]))

    @Test func detailsFollowTheirEntries() {
        var object = ValueObject([("a", 1)])
        #expect(!object.hasKeyDetails)
        object.append("order", "x", details: Self.order)
        object.append("b", 2)
        #expect(object.hasKeyDetails)
        #expect(object.details(at: 0) == nil)
        #expect(object.details(at: 1) == Self.order)
        #expect(object.details(at: 2) == nil)
        #expect(object.details(at: 99) == nil)
        #expect(object.attributes(of: "order") == ValueObject([("id", "7")]))
        #expect(object.attributes(of: "b") == ValueObject())
        #expect(object.attributes(of: "zzz") == nil)

        // Replacing a value keeps its key's details; removing an entry removes them.
        object["order"] = "y"
        #expect(object.details(at: 1) == Self.order)
        object["a"] = nil
        #expect(object.keys == ["order", "b"])
        #expect(object.details(at: 0) == Self.order)
        #expect(object.firstIndex(ofKey: "b") == 1)
    }

    @Test func equalityComparesDetailsButNotHowTheyWereStored() {
        var plain = ValueObject([("a", 1)])
        var detailed = ValueObject([("a", 1)])
        #expect(plain == detailed)
        detailed.setDetails(Self.order, at: 0)
        #expect(plain != detailed)
        plain.setDetails(Self.order, at: 0)
        #expect(plain == detailed)
        // Empty details are no details.
        detailed.setDetails(KeyDetails(), at: 0)
        #expect(!detailed.hasKeyDetails)
        #expect(detailed == ValueObject([("a", 1)]))
        #expect(Value.object(detailed).hashValue == Value.object(ValueObject([("a", 1)])).hashValue)
        var appended = ValueObject()
        appended.append("a", 1, details: KeyDetails())
        #expect(!appended.hasKeyDetails)
    }

    @Test func addingDetailsKeepsValuesAsSmallAsBefore() {
        // The request path copies Values constantly: an object stays one reference (and the
        // byte saying its keys are known to be distinct, which fits in Value's payload), and an
        // entry grows by one pointer.
        #expect(MemoryLayout<ValueObject>.size == 9)
        #expect(MemoryLayout<Value>.size <= 21)
        #expect(MemoryLayout<ValueObject.Entry>.stride <= 48)
    }

    @Test func entriesCarryTheirDetails() {
        var entry = ValueObject.Entry(key: "order", value: "x", details: Self.order)
        #expect(entry.details == Self.order)
        entry.details = KeyDetails()
        #expect(entry.details == nil)
        #expect(entry == ValueObject.Entry(key: "order", value: "x"))
    }
}

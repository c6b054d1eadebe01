import HTTPTypes
@testable import HTTPConnector
import Testing

/// `fieldValue(_:)` gives exactly what `HTTPFields`' own subscript gives.
@Suite("A request field's value")
struct HTTPFieldValueTests {
    static let fields: HTTPFields = [
        .contentType: "application/json",
        HTTPField.Name("X-Repeated")!: "one",
        .accept: "text/plain",
        HTTPField.Name("x-repeated")!: "two",
        .cookie: "a=1",
        .cookie: "b=2",
        HTTPField.Name("X-Empty")!: "",
    ]

    @Test("single, repeated, Cookie, empty and absent fields, names in any case", arguments: [
        "Content-Type", "content-type", "X-Repeated", "Cookie", "X-Empty", "Accept", "X-Absent",
    ])
    func sameAsTheSubscript(name: String) throws {
        let fieldName = try #require(HTTPField.Name(name))
        #expect(Self.fields.fieldValue(fieldName) == Self.fields[fieldName])
    }

    @Test("the values themselves")
    func values() {
        #expect(Self.fields.fieldValue(.contentType) == "application/json")
        #expect(Self.fields.fieldValue(HTTPField.Name("x-REPEATED")!) == "one, two")
        #expect(Self.fields.fieldValue(.cookie) == "a=1; b=2")
        #expect(Self.fields.fieldValue(HTTPField.Name("X-Empty")!) == "")
        #expect(Self.fields.fieldValue(HTTPField.Name("X-Absent")!) == nil)
    }
}

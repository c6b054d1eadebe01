import FlowCore
import Testing

/// `Value` stays as small as its `Decimal` case makes it, and JSON numbers beyond `Decimal`'s
/// range (issue 20, item 9) are read and written back as numbers.
@Suite struct ValueRangeTests {
    @Test("Value is no larger than before dates, doubles and functions were added")
    func layout() {
        #expect(MemoryLayout<Value>.size == 21)
        #expect(MemoryLayout<Temporal>.size <= 20)
        #expect(MemoryLayout<OpaqueValue>.size <= 20)
    }

    @Test("numbers beyond Decimal's range are doubles, written back as JSON numbers", arguments: [
        ("1e300", "1e300"),
        ("1.7976931348623157e308", "1.7976931348623157e308"),
        ("-1.7976931348623157e308", "-1.7976931348623157e308"),
        ("1e-300", "1e-300"),
        ("4.9e-324", "5e-324"),
        ("[1e300,0.5,12]", "[1e300,0.5,12]"),
    ])
    func beyondDecimal(text: String, written: String) throws {
        #expect(JSON.encode(try JSON.decode(text)) == written)
    }

    /// The json fuzz target's finding: `-1e-40087904` underflowed to a double -0, written `-0`,
    /// which reads back as the integer 0 and writes `0`.
    @Test("a number that underflows to zero writes the same text after another round trip", arguments: ["-1e-400", "1e-400", "-1e-40087904", "[1,-1e-40087904,0.1]"])
    func underflowIsStable(text: String) throws {
        let written = JSON.encode(try JSON.decode(text))
        #expect(!written.contains("-0"))
        #expect(JSON.encode(try JSON.decode(written)) == written)
    }

    @Test("numbers Decimal holds stay exact decimals")
    func exactDecimals() throws {
        #expect(try JSON.decode("1e100") == .decimal(try #require(DecimalText.parse("1e100"))))
        #expect(try JSON.decode("0.1") == .decimal(try #require(DecimalText.parse("0.1"))))
        #expect(try JSON.decode("123456789012345678901234567890") == .decimal(try #require(DecimalText.parse("123456789012345678901234567890"))))
    }

    @Test("beyond even a double is still an error")
    func beyondDouble() {
        #expect(throws: JSONSyntaxError.self) { try JSON.decode("1e400") }
    }
}

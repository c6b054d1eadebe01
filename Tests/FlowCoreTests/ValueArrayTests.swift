import Foundation
@testable import FlowCore
import Testing

/// Arrays of integers, of decimals and of strings decode packed (issue 21 L10: a 10 MiB body of
/// numbers or strings must not cost 24 bytes per element), and a packed array reads, compares,
/// hashes, encodes and changes exactly as the same array of values does.
@Suite struct ValueArrayTests {
    private func decodedArray(_ text: String) throws -> ValueArray {
        guard case .array(let elements) = try JSON.decode(text) else {
            Issue.record("\(text) did not decode as an array")
            return []
        }
        return elements
    }

    private func packedWidth(_ array: ValueArray) -> Int? {
        guard array.isPacked, case .integers(let integers) = array.storage else { return nil }
        return integers.width
    }

    @Test(arguments: [
        ("[0, 1, -128, 127]", 1),
        ("[1, 128]", 2),
        ("[-129, 1]", 2),
        ("[1, 32767, -32768]", 2),
        ("[1, 32768]", 4),
        ("[1, 2147483647, -2147483648]", 4),
        ("[1, 2147483648]", 8),
        ("[9223372036854775807, -9223372036854775808, 0]", 8),
    ])
    func integersPackAtTheNarrowestWidth(text: String, width: Int) throws {
        let array = try decodedArray(text)
        #expect(packedWidth(array) == width)
        let expected = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [NSNumber]
        #expect(array.map { element -> Int64? in if case .int(let n) = element { n } else { nil } } == expected.map { $0.int64Value })
        #expect(JSON.encode(.array(array)) == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test(arguments: ["[1, \"two\"]", "[1, 1.5]", "[1, null]", "[1, [2]]", "[\"a\", 1]", "[1, 9223372036854775808]",
                      "[0.5, 1]", "[0.5, \"a\"]", "[\"a\", 0.5]", "[\"a\", null]",
                      "[0.5, 123456789012345678901234567890.5]", "[true, 0.5]"])
    func anArrayThatIsNotAllIntegersIsStoredAsValues(text: String) throws {
        let array = try decodedArray(text)
        #expect(!array.isPacked)
        #expect(JSON.encode(.array(array)) == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test func theFirstNonIntegerKeepsTheIntegersBeforeIt() throws {
        let array = try decodedArray("[1, 300, 70000, true, 5]")
        #expect(Array(array) == [.int(1), .int(300), .int(70000), .bool(true), .int(5)])
    }

    @Test func packedAndUnpackedArraysAreEqualAndHashAlike() throws {
        let packed = Value.array(try decodedArray("[1, 2, 300]"))
        let unpacked = Value.array([.int(1), .int(2), .int(300)])
        #expect(packed == unpacked)
        #expect(unpacked == packed)
        #expect(packed.hashValue == unpacked.hashValue)
        #expect(Set([packed, unpacked]).count == 1)
        #expect(packed != Value.array([.int(1), .int(2), .int(301)]))
        #expect(packed != Value.array([.int(1), .int(2)]))
        #expect(packed != Value.array([.int(1), .int(2), .decimal(300)]))
        let wide = Value.array(try decodedArray("[1, 2, 300, 5000000000]"))
        #expect(wide != packed)
        #expect(Value.array(try decodedArray("[1, 2, 300]")) == packed)
    }

    @Test func writingAnythingButAnIntegerUnpacks() throws {
        var array = try decodedArray("[1, 2, 3]")
        array.append(.string("four"))
        #expect(!array.isPacked)
        #expect(JSON.encode(.array(array)) == #"[1,2,3,"four"]"#)
        var replaced = try decodedArray("[1, 2, 3]")
        replaced[1] = .null
        #expect(JSON.encode(.array(replaced)) == "[1,null,3]")
        var removed = try decodedArray("[1, 2, 3]")
        removed.removeFirst()
        #expect(Array(removed) == [.int(2), .int(3)])
    }

    @Test func aMillionZerosTakeAByteEach() throws {
        let text = "[" + Array(repeating: "0", count: 1_000_000).joined(separator: ",") + "]"
        let array = try decodedArray(text)
        #expect(array.count == 1_000_000)
        #expect(packedWidth(array) == 1)
        #expect(array[999_999] == .int(0))
        #expect(JSON.encodeBytes(.array(array)).count == text.utf8.count)
    }

    /// The text each element of `text` encodes to when decoded on its own (never packed).
    private func elementsOneByOne(_ elements: [String]) throws -> String {
        "[" + (try elements.map { JSON.encode(try JSON.decode($0)) }).joined(separator: ",") + "]"
    }

    @Test(arguments: [
        ["0.5", "0.50", "-12.75", "1e-7", "2.5E+3", "0.0", "-0.0", "9999999999999999999", "0.1234567890123456789",
         "1234567890.123456789", "1e100", "-1e-100"],
        ["3.14159"],
    ])
    func decimalsPackAndReadBackAsTheyWereDecoded(elements: [String]) throws {
        let array = try decodedArray("[" + elements.joined(separator: ",") + "]")
        #expect(array.isPacked)
        guard case .decimals = array.storage else { Issue.record("not packed as decimals"); return }
        let expected = try elements.map { try JSON.decode($0) }
        #expect(Array(array) == expected)
        #expect(JSON.encode(.array(array)) == (try elementsOneByOne(elements)))
    }

    @Test(arguments: [
        [#""""#, #""a""#, #""\u00e9""#, #""e\u0301""#, #""😀""#, #""a string of more than fifteen bytes""#, #""\u0000""#,
         #""tab\there""#, #""""#],
        [#""""#],
    ])
    func stringsPackAndReadBackAsTheyWereDecoded(elements: [String]) throws {
        let array = try decodedArray("[" + elements.joined(separator: ",") + "]")
        guard case .strings = array.storage else { Issue.record("not packed as strings"); return }
        let expected = try elements.map { try JSON.decode($0) }
        #expect(Array(array) == expected)
        #expect(JSON.encode(.array(array)) == (try elementsOneByOne(elements)))
    }

    @Test func packedDecimalsAndStringsAreEqualAndHashAlikeWithValues() throws {
        let decimals = Value.array(try decodedArray("[0.5, 0.50, 2.25]"))
        let values = Value.array([.decimal(Decimal(string: "0.5")!), .decimal(Decimal(string: "0.5")!), .decimal(Decimal(string: "2.25")!)])
        #expect(decimals == values)
        #expect(decimals.hashValue == values.hashValue)
        #expect(decimals != Value.array([.decimal(0.5), .decimal(0.5)]))
        // The same characters composed and decomposed are equal strings in Swift, packed or not.
        let strings = Value.array(try decodedArray(#"["\u00e9", "b"]"#))
        let decomposed = Value.array([.string("e\u{301}"), .string("b")])
        #expect(strings == decomposed)
        #expect(strings.hashValue == decomposed.hashValue)
        #expect(strings == Value.array(try decodedArray(#"["e\u0301", "b"]"#)))
        #expect(strings != Value.array([.string("é"), .string("c")]))
    }

    @Test func writingIntoPackedDecimalsOrStringsUnpacks() throws {
        var decimals = try decodedArray("[0.5, 1.5]")
        decimals.append(.decimal(2.5))
        #expect(!decimals.isPacked)
        #expect(JSON.encode(.array(decimals)) == "[0.5,1.5,2.5]")
        var strings = try decodedArray(#"["a", "b"]"#)
        strings[0] = .int(1)
        #expect(JSON.encode(.array(strings)) == #"[1,"b"]"#)
    }

    @Test func aMillionShortDecimalsAndEmptyStringsStayCompact() throws {
        let decimals = try decodedArray("[" + Array(repeating: "0.5", count: 1_000_000).joined(separator: ",") + "]")
        guard case .decimals = decimals.storage else { Issue.record("not packed as decimals"); return }
        #expect(decimals.count == 1_000_000)
        #expect(decimals[999_999] == .decimal(Decimal(string: "0.5")!))
        let strings = try decodedArray("[" + Array(repeating: #""""#, count: 1_000_000).joined(separator: ",") + "]")
        guard case .strings = strings.storage else { Issue.record("not packed as strings"); return }
        #expect(strings.count == 1_000_000)
        #expect(strings[999_999] == .string(""))
    }
}

import Foundation
@testable import FlowCore
import Testing

/// Arrays of integers decode packed (issue 21 L10: a 10 MiB body of numbers must not cost 24
/// bytes per number), and a packed array reads, compares, hashes, encodes and changes exactly
/// as the same array of values does.
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

    @Test(arguments: ["[1, \"two\"]", "[1, 1.5]", "[1, null]", "[1, [2]]", "[\"a\", 1]", "[1, 9223372036854775808]"])
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
}

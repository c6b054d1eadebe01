import Foundation
@testable import FlowCore
import Testing

/// Key lookups and the JSON writer read short strings by their two words (``StringBits``); these
/// pin that they agree with the public comparisons and escapes for every length and kind.
@Suite struct StringBitsTests {
    /// Strings of every small length, with and without bytes to escape, non-ASCII, and long ones.
    static let samples: [String] = {
        var texts = (0...17).map { String(repeating: "k", count: $0) }
        texts += ["a\"b", "back\\slash", "tab\there", "line\nbreak", "\u{1}", "é", "naïve café", "€uro", "snow ☃",
            "\u{7f}del", "quote at end\"", "\"", "\\", "ends with ctl\u{1f}", "fifteen bytes!!", "sixteen bytes!!!",
            "a key that is far longer than fifteen bytes", "\u{10FFFF}"]
        return texts
    }()

    @Test func theLayoutIsRecognisedOnThisPlatform() {
        #expect(StringBits.layoutIsKnown)
        #expect(StringBits("origin_id").isSmall)
        #expect(StringBits("origin_id").smallCount == 9)
        #expect(!StringBits(String(repeating: "x", count: 16)).isSmall)
        // The JSON writer reads string values where they lie in an object's entries.
        #expect(JSONByteEncoder.stringValuesStartWithTheirString)
    }

    @Test(arguments: samples)
    func writesEachStringAsTheEscapingPathDoes(_ text: String) throws {
        // A long copy of the same text goes through the byte-by-byte path, never the words.
        let expected = "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{8}": return "\\b"
            case "\u{c}": return "\\f"
            case _ where scalar.value < 0x20: return String(format: "\\u%04x", scalar.value)
            default: return String(scalar)
            }
        }.joined() + "\""
        #expect(String(decoding: JSON.encodeBytes(.string(text)), as: UTF8.self) == expected)
        #expect(String(decoding: JSON.encodeBytes(.object(ValueObject([(text, .int(1))]))), as: UTF8.self) == "{\(expected):1}")
        // A member's value is written from where it lies in the object.
        #expect(String(decoding: JSON.encodeBytes(.object(ValueObject([("k", .string(text)), (text, .string(text))]))), as: UTF8.self)
            == "{\"k\":\(expected),\(expected):\(expected)}")
        // So is a short string kept out of line (a native string with spare capacity).
        var stored = String()
        stored.reserveCapacity(64)
        stored += text
        #expect(String(decoding: JSON.encodeBytes(.object(ValueObject([(stored, .string(stored))]))), as: UTF8.self) == "{\(expected):\(expected)}")
    }

    @Test(arguments: samples)
    func findsEachKeyWhereverItIsAndWhateverItsLength(_ key: String) {
        var object = ValueObject()
        for other in Self.samples where other != key { object.append(other, .string("other")) }
        #expect(object[key] == nil)
        object.append(key, .string("first"))
        object.append(key, .string("second"))
        #expect(object[key] == .string("first"))
        #expect(object.index(ofKey: key) == Self.samples.count - 1)
        // A key built another way (a long string's prefix, a substring) still matches.
        let rebuilt = String(Substring(key + "tail").dropLast(4))
        #expect(object[rebuilt] == .string("first"))
        #expect(Value.object(object).selectingMember(rebuilt) == .string("first"))
        #expect(Value.object(object).selectingMember(key + "?") == .null)
        #expect(Value.string(key).selectingMember(key) == nil)
    }

    @Test func aShortKeyStoredInALongStringStillMatches() {
        // A native string with spare capacity stays out of line even when short.
        var stored = String()
        stored.reserveCapacity(64)
        stored += "zip"
        #expect(!StringBits(stored).isSmall)
        let object = ValueObject([("id", .int(1)), (stored, .int(2))])
        #expect(object["zip"] == .int(2))
        #expect(object.index(ofKey: "zip") == 1)
    }

    @Test func keysMatchByTheirExactTextAsInDataWeave() {
        // DataWeave compares keys as Java strings, character for character: a key spelled with
        // a combining accent, or U+212A KELVIN SIGN for K, is another key.
        let composed = "caf\u{e9}", decomposed = "cafe\u{301}"
        #expect(ValueObject([(decomposed, .int(1))])[composed] == nil)
        #expect(ValueObject([(composed, .int(1))])[decomposed] == nil)
        #expect(ValueObject([("id", .int(0)), ("\u{212A}", .int(1))])["K"] == nil)
        #expect(ValueObject([("id", .int(0)), ("\u{212A}", .int(1))])["\u{212A}"] == .int(1))
        #expect(StringBits("K").isSmallASCII)
        #expect(!StringBits("\u{212A}").isSmallASCII)
    }

    @Test(arguments: samples + ["P1000", "2026-12-3", "Sacramento", "\u{0}", "~"])
    func shortASCIIStringsMadeFromTheirBytesAreTheStandardLibrarysOwn(_ text: String) {
        let bytes = Array(text.utf8)
        let made = bytes.withUnsafeBufferPointer { StringBits.smallASCII($0) }
        if bytes.count <= 15, bytes.allSatisfy({ $0 < 0x80 }) {
            #expect(made == text)
            #expect(made.map { StringBits($0) } == StringBits(String(decoding: bytes, as: UTF8.self)))
            #expect(made?.utf8.count == bytes.count)
            #expect(made.map { $0 + "!" } == text + "!")
        } else {
            #expect(made == nil)
        }
    }
}

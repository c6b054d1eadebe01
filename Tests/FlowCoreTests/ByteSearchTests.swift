@testable import FlowCore
import Testing

/// The eight-bytes-at-a-time tests the JSON writer and the CSV reader scan with
/// (`UInt64+ByteSearch.swift`): whether a word holds a byte, and where the first one is.
@Suite struct ByteSearchTests {
    /// The word whose bytes, in memory order, are `bytes` (as a scanner loads it).
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    /// Every placement of up to two matches among every filler, including the bytes that make
    /// the zero-byte test mark a byte wrongly (the match plus one, right after a match).
    @Test(arguments: [UInt8(ascii: ","), 0x0A, 0x00, 0xFF, 0x01])
    func marksExactlyTheWordsThatHoldTheByteAndFindsTheFirst(_ byte: UInt8) {
        let fillers: [UInt8] = [byte &+ 1, byte &- 1, 0x00, 0x01, 0x80, 0xFF, UInt8(ascii: "a")].filter { $0 != byte }
        for filler in fillers {
            for first in 0...8 {
                for second in first...8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    if first < 8 { bytes[first] = byte }
                    if second < 8 { bytes[second] = byte }
                    // The byte after each match is the one a borrow would wrongly mark.
                    if first + 1 < 8, first + 1 != second { bytes[first + 1] = byte &+ 1 == byte ? filler : byte &+ 1 }
                    let mask = Self.word(bytes).bytesEqual(to: byte)
                    let expected = bytes.firstIndex(of: byte)
                    #expect((mask != 0) == (expected != nil), "bytes \(bytes), looking for \(byte)")
                    #if _endian(little)
                    if let expected { #expect(mask.firstMarkedByte == expected, "bytes \(bytes), looking for \(byte)") }
                    #endif
                }
            }
        }
    }

    @Test func findsTheFirstOfSeveralBytesLookedForAtOnce() {
        let comma = UInt64(repeating: UInt8(ascii: ","))
        for (text, expected) in [("abc,de\nf", 3), ("abcdef\r,", 6), ("\nabcdefg", 0), ("abcdefg,", 7), ("a\"b\"c\"d\"", nil)] {
            let word = Self.word(Array(text.utf8))
            let mask = word.bytesEqual(toEachOf: comma) | word.bytesEqual(to: 0x0A) | word.bytesEqual(to: 0x0D)
            #expect((mask != 0) == (expected != nil), "\(text.debugDescription)")
            #if _endian(little)
            if let expected { #expect(mask.firstMarkedByte == expected, "\(text.debugDescription)") }
            #endif
        }
    }
}

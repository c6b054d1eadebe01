import FlowCore
import Testing

@Suite("Random bytes for identifiers")
struct RandomBytesTests {
    @Test("hex ids have two lower-case digits a byte, and a thousand of them do not repeat")
    func hexIds() {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let id = RandomBytes.hex(bytes: 8)
            #expect(id.utf8.count == 16)
            #expect(id.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
            #expect(id != String(repeating: "0", count: 16))
            seen.insert(id)
        }
        #expect(seen.count == 1_000)
    }

    @Test("a fill larger than the pool, and fills across its refill, are random throughout")
    func fillsAcrossRefills() {
        var first = [UInt8](repeating: 0, count: 10_000)
        var second = [UInt8](repeating: 0, count: 10_000)
        first.withUnsafeMutableBytes { RandomBytes.fill($0) }
        second.withUnsafeMutableBytes { RandomBytes.fill($0) }
        #expect(first != second)
        // Every 1 KiB stretch is filled: 1,024 random bytes are all zero with probability 2^-8192.
        for stretch in stride(from: 0, to: 10_000, by: 1_024) {
            #expect(first[stretch..<min(stretch + 1_024, 10_000)].contains { $0 != 0 }, "bytes from \(stretch)")
            #expect(second[stretch..<min(stretch + 1_024, 10_000)].contains { $0 != 0 }, "bytes from \(stretch)")
        }
    }

    @Test("hex text of given bytes, with dashes where asked")
    func hexText() {
        let bytes: [UInt8] = [0x00, 0x09, 0x0A, 0xFF, 0x1B, 0x4E]
        bytes.withUnsafeBytes { bytes in
            #expect(HexText.string(bytes) == "00090aff1b4e")
            #expect(HexText.string(bytes, dashesBefore: [2, 5]) == "0009-0aff1b-4e")
            #expect(HexText.string(bytes, uppercase: true) == "00090AFF1B4E")
        }
    }

    @Test("UUIDs are version 4, variant 1, laid out 8-4-4-4-12, and do not repeat")
    func uuids() throws {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let uuid = RandomUUID.string()
            let groups = uuid.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.map(\.count) == [8, 4, 4, 4, 12])
            #expect(groups[2].first == "4")
            #expect(try "89ab".contains(#require(groups[3].first)))
            #expect(uuid == uuid.lowercased())
            seen.insert(uuid)
        }
        #expect(seen.count == 1_000)
    }
}

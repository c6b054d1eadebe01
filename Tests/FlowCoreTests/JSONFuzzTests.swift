import ConduitTestSupport
import FlowCore
import Testing

/// Random, garbled and mutated input must never crash or hang the decoder; whatever it accepts
/// must survive an encode/decode round trip (compared as text: a decimal such as `1e2` comes back
/// as the integer 100, which encodes the same).
@Suite struct JSONFuzzTests {
    static let alphabet: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83d", "0", "1", "-", ".", "e", "E", "+",
        "true", "false", "null", " ", "\n", "\"key\"", "\"é😀\"", "123456789012345678901234", "\u{0}", "/",
    ]

    static func check(_ bytes: [UInt8], case number: Int) {
        do {
            let value = try JSON.decode(bytes)
            let text = JSON.encode(value)
            #expect(JSON.encode(try JSON.decode(text)) == text, "case \(number) did not round-trip")
        } catch {
            #expect(error.line >= 1 && error.column >= 1, "case \(number): \(error)")
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 0xC0FFEE)
        for number in 0..<2_000 {
            let length = Int.random(in: 0...64, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            Self.check(bytes, case: number)
        }
    }

    @Test func garbledTokens() {
        var random = SeededRandom(seed: 42)
        for number in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &random)
            let text = (0..<count).map { _ in Self.alphabet.randomElement(using: &random)! }.joined()
            Self.check(Array(text.utf8), case: number)
        }
    }

    @Test func mutatedSampleRequests() {
        var random = SeededRandom(seed: 7)
        let samples = [ManualSampleRequests.createProject, ManualSampleRequests.updateProject].map { Array($0.utf8) }
        for number in 0..<2_000 {
            var bytes = samples[number % 2]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
                default: bytes[position] = Array(Self.alphabet.randomElement(using: &random)!.utf8).first ?? 0
                }
            }
            Self.check(bytes, case: number)
        }
    }
}

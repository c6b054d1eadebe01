@testable import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation
import Testing

/// Seeded fuzzing of the numbers a server sends (M3): `Retry-After`, `X-Rate-Limit-Reset` and
/// `expires_in` made of random bit patterns, special words and long exponents. None may trap,
/// and every value used stays in its range.
@Suite struct UpstreamNumberFuzzTests {
    /// xorshift64*: the same inputs on every run, so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2685821657736338717
        }
    }

    static let words = ["nan", "NaN", "-nan", "inf", "-inf", "infinity", "Infinity", "1e300", "-1e300", "1e-300", "0x1p1023",
                        "0x1.fffffffffffffp1023", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                        "18446744073709551616", "1e19", "", " ", "1_000", "+5", "-0", "0.0000001", "5e", "e5", "١٢٣"]

    /// A random header or body value: a special word, a random double, or digits with an exponent.
    static func value(_ generator: inout Generator) -> String {
        switch generator.next() % 4 {
        case 0: return words[Int(generator.next() % UInt64(words.count))]
        case 1: return "\(Double(bitPattern: generator.next()))"
        case 2: return "\(Int64(bitPattern: generator.next()))"
        default:
            let digits = String((0..<Int(generator.next() % 30 + 1)).map { _ in Character(String(generator.next() % 10)) })
            return digits + "e" + String(Int(generator.next() % 700) - 350)
        }
    }

    @Test func serverRequestedDelaysStayInRange() {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let now = Date(timeIntervalSince1970: 1_466_182_200)
        for _ in 0..<5000 {
            let header = generator.next() % 2 == 0 ? "Retry-After" : "X-Rate-Limit-Reset"
            let text = Self.value(&generator)
            let result = WireHelpersTests.result([(header, text)])
            if let wait = ServerRequestedDelay.delay(in: result, now: now) {
                #expect(wait >= .zero && wait <= ServerRequestedDelay.maximumDelay, "\(header): \(text)")
                #expect(wait.milliseconds >= 0)
            }
        }
    }

    @Test func tokenLifetimesStayInRange() throws {
        var generator = Generator(state: 0xD1B5_4A32_D192_ED03)
        let now = Date(timeIntervalSince1970: 1000)
        for _ in 0..<5000 {
            let text = Self.value(&generator)
            let asString = generator.next() % 2 == 0
            let json = asString ? #"{"access_token":"a","expires_in":"\#(text)"}"# : #"{"access_token":"a","expires_in":\#(text)}"#
            // Not every random text is a JSON number; those the decoder refuses never reach the parser.
            guard let payload = try? JSON.decode(json) else { continue }
            let parsed = try #require(TokenResponse.parse(payload, grantType: "authorization_code", now: now))
            if let expiresAt = parsed.token.expiresAt {
                #expect(expiresAt >= now && expiresAt <= now.addingTimeInterval(TokenResponse.maximumLifetime), "\(json)")
                #expect(OAuthTokenManager.lifetimeText(expiresAt, now: now).hasPrefix("expires in "))
            }
        }
    }
}

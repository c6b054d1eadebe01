import FlowCore
import Foundation
@testable import ProcoreSandbox
import Testing

/// The sandbox's small parts: dates, coercion, form decoding, the rate limiter.
@Suite struct BuildingBlockTests {
    @Test(arguments: [
        ("2025-01-01", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-04-31", false), ("2025-13-01", false),
        ("2025-1-01", false), ("20250101", false), ("2025-01-01T00:00:00Z", false), ("", false), ("２０２５-01-01", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect(CalendarText.isValidDate(text) == valid)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (1_484_786_897, "2017-01-19T00:48:17Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
    ])
    func timestampsRoundTrip(seconds: Double, text: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(CalendarText.timestamp(date) == text)
        #expect(CalendarText.parseTimestamp(text) == date)
    }

    @Test(arguments: [
        (Value.string("562949953437078"), Int64?.some(562_949_953_437_078)), (.int(3), 3), (.decimal(4), 4),
        (.decimal(Decimal(string: "4.5")!), nil), (.string("3a"), nil), (.string(""), nil), (.bool(true), nil),
    ])
    func integerCoercion(value: Value, expected: Int64?) {
        #expect(ValueCoercion.integer(value) == expected)
    }

    @Test(arguments: [
        ("1000000", true), ("-124.5924746", true), ("1e3", true), (".5", true), ("1.", true), ("abc", false), ("1,000", false),
        ("", false), ("-", false), ("1e", false), ("NaN", false),
    ])
    func numberText(text: String, valid: Bool) {
        #expect(ValueCoercion.isNumberText(text) == valid)
    }

    @Test func queryDecoding() {
        let query = URLEncodedForm(encoded: "a=1&b=two+words&c=%2Fx%zz&d&filters%5Bid%5D%5B%5D=5&e=%E2%9C%93")
        #expect(query["a"] == "1")
        #expect(query["b"] == "two words")
        #expect(query["c"] == "/x%zz")
        #expect(query["d"] == "")
        #expect(query.all("filters[id][]") == ["5"])
        #expect(query["e"] == "✓")
        #expect(URLEncodedForm(pairs: [("redirect_uri", "http://h/cb?x=1 2")]).encoded == "redirect_uri=http%3A%2F%2Fh%2Fcb%3Fx%3D1%202")
    }

    @Test func multipartFieldsAreRead() throws {
        let body = Array(("--XyZ\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n"
            + "--XyZ--\r\n").utf8)
        let fields = try FormParameters.multipart(body, boundary: "XyZ")
        #expect(fields.map(\.name) == ["grant_type", "note"])
        #expect(fields.map(\.value) == ["client_credentials", "line1\r\nline2"])
        #expect(FormParameters.boundary("multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(throws: FormParameters.Malformed.self) { try FormParameters.multipart(Array("--XyZ\r\nbroken".utf8), boundary: "XyZ") }
    }

    @Test func rateLimiterCountsBothWindows() {
        var limiter = RateLimiter(
            hourly: RateLimitWindow(limit: 5, length: .seconds(3600)), spike: RateLimitWindow(limit: 2, length: .seconds(10)))
        let start = Date(timeIntervalSince1970: 1_000_000)
        #expect(limiter.admit(now: start) == .init(allowed: true, limit: 2, remaining: 1, reset: 1_000_010, retryAfter: 0))
        #expect(limiter.admit(now: start) == .init(allowed: true, limit: 2, remaining: 0, reset: 1_000_010, retryAfter: 0))
        #expect(limiter.admit(now: start.addingTimeInterval(4)) == .init(allowed: false, limit: 2, remaining: 0, reset: 1_000_010, retryAfter: 6))
        let later = start.addingTimeInterval(10)
        #expect(limiter.admit(now: later) == .init(allowed: true, limit: 2, remaining: 1, reset: 1_000_020, retryAfter: 0))
        // Spike 0 left, hourly 1 left: the spike window is the closer one.
        #expect(limiter.admit(now: later) == .init(allowed: true, limit: 2, remaining: 0, reset: 1_000_020, retryAfter: 0))
        let third = start.addingTimeInterval(20)
        // Spike 1 left, hourly 0 left: now the hourly window is reported.
        #expect(limiter.admit(now: third) == .init(allowed: true, limit: 5, remaining: 0, reset: 1_003_600, retryAfter: 0))
        #expect(limiter.admit(now: third) == .init(allowed: false, limit: 5, remaining: 0, reset: 1_003_600, retryAfter: 3580))
    }

    @Test(arguments: [([UInt8](), ""), ([0xFB], "-w"), ([0xFF, 0xFE], "__4"), ([1, 2, 3], "AQID")])
    func base64URL(bytes: [UInt8], text: String) {
        #expect(SecretGenerator.base64URL(bytes) == text)
    }

    @Test func secretsAreDistinct() {
        let tokens = Set((0..<50).map { _ in SecretGenerator.accessToken() })
        #expect(tokens.count == 50)
        #expect(SecretGenerator.refreshToken().count == 64)
    }

    @Test(arguments: [("10000", "10000.0"), ("12.5", "12.5"), ("100001", "100001.0"), ("0.1", "0.1")])
    func moneyText(number: String, text: String) {
        #expect(ProjectRenderer.moneyText(Decimal(string: number)!) == text)
    }

    @Test func countryList() {
        #expect(ISOCodes.countries.count == 249)
        #expect(ISOCodes.subdivisions["US"]?.contains("DC") == true)
    }
}

import AsyncHTTPClient
@testable import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Response attributes, server-requested waits and form encoding.
@Suite struct WireHelpersTests {
    @Test func attributesHaveLowerCasedHeadersAndTheRequestId() throws {
        var headers = HTTPHeaders()
        headers.add(name: "X-Request-Id", value: "abc-123")
        headers.add(name: "X-Rate-Limit-Limit", value: "3600")
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "set-cookie", value: "b=2")
        let result = HTTPTransport.result(status: 201, headers: headers, body: Array(#"{"id":562949955100001}"#.utf8))
        #expect(JSON.encode(result.attributes)
            == #"{"statusCode":201,"headers":{"x-request-id":"abc-123","x-rate-limit-limit":"3600","set-cookie":"a=1, b=2"},"requestId":"abc-123"}"#)
        #expect(try result.payload.value == .object(ValueObject([("id", .int(562949955100001))])))
        #expect(result.header("X-RATE-LIMIT-LIMIT") == "3600")
    }

    @Test func payloadIsJSONOrTextOrNull() {
        #expect(HTTPTransport.payload(Array("You have surpassed".utf8)) == "You have surpassed")
        #expect(HTTPTransport.payload([UInt8]()) == .null)
        #expect(HTTPTransport.payload(Array("[1,2]".utf8)) == [1, 2])
        #expect(HTTPTransport.result(status: 204, headers: [:], body: [UInt8]()).attributes["requestId"] == .null)
    }

    @Test func logsShowPathsOnly() {
        #expect(HTTPTransport.pathForLogging("http://127.0.0.1:9/oauth/authorize?client_id=a&state=secret") == "/oauth/authorize")
        #expect(HTTPTransport.pathForLogging("https://api.example.com") == "/")
    }

    static func result(_ headers: [(String, String)]) -> Message {
        Message(payload: .null, attributes: .object(ValueObject([
            ("statusCode", 429), ("headers", .object(ValueObject(headers.map { ($0.0.lowercased(), .string($0.1)) }))),
        ])))
    }

    @Test func serverRequestedDelay() {
        let now = Date(timeIntervalSince1970: 1_466_182_200)
        #expect(ServerRequestedDelay.delay(in: Self.result([("Retry-After", "7")]), now: now) == .seconds(7))
        #expect(ServerRequestedDelay.delay(in: Self.result([("Retry-After", "Thu, 01 Jan 1970 00:00:10 GMT")]),
                                           now: Date(timeIntervalSince1970: 4)) == .seconds(6))
        #expect(ServerRequestedDelay.delay(in: Self.result([("X-Rate-Limit-Reset", "1466182244")]), now: now) == .seconds(44))
        #expect(ServerRequestedDelay.delay(in: Self.result([("X-Rate-Limit-Reset", "1466182000")]), now: now) == .zero)
        #expect(ServerRequestedDelay.delay(in: Self.result([("Retry-After", "2"), ("X-Rate-Limit-Reset", "1466182244")]), now: now) == .seconds(2))
        #expect(ServerRequestedDelay.delay(in: Self.result([("Retry-After", "soon")]), now: now) == nil)
        #expect(ServerRequestedDelay.delay(in: Self.result([]), now: now) == nil)
    }

    @Test func formEncodingEscapesEverythingButUnreserved() {
        #expect(FormEncoding.encode([("redirect_uri", "http://localhost:8081/mule/callback"), ("scope", "read write"), ("x", "a+b&c=é~")])
            == "redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback&scope=read%20write&x=a%2Bb%26c%3D%C3%A9~")
    }

    @Test func tokenResponseExpiryUsesOurClock() throws {
        let now = Date(timeIntervalSince1970: 1000)
        let token = try #require(TokenResponse.parse(try JSON.decode(#"{"access_token":"a","token_type":"bearer","expires_in":5400,"refresh_token":"r","created_at":1}"#),
                                                     grantType: "authorization_code", now: now)?.token)
        #expect(token.expiresAt == Date(timeIntervalSince1970: 6400))
        #expect(token.refreshToken == "r")
        #expect(TokenResponse.parse(try JSON.decode(#"{"token_type":"bearer"}"#), grantType: "x", now: now) == nil)
        let serviceToken = TokenResponse.parse(try JSON.decode(#"{"access_token":"a","expires_in":5400}"#), grantType: "client_credentials", now: now)
        #expect(serviceToken?.token.refreshToken == nil)
        #expect(serviceToken?.unusableExpiry == false)
    }

    /// Upstream numbers that used to reach a trapping conversion (M3): each is ignored, never trusted.
    @Test(arguments: [#"1e100"#, #""nan""#, #""inf""#, #""1e300""#, #"-5"#, #"9223372036854775807"#, #""soon""#, #"true"#])
    func unusableExpiresInIsTakenAsUnknown(expiresIn: String) throws {
        let now = Date(timeIntervalSince1970: 1000)
        let parsed = try #require(TokenResponse.parse(try JSON.decode(#"{"access_token":"a","expires_in":"# + expiresIn + "}"),
                                                      grantType: "authorization_code", now: now))
        #expect(parsed.token.expiresAt == nil)
        #expect(parsed.unusableExpiry)
        #expect(OAuthTokenManager.lifetimeText(parsed.token.expiresAt, now: now) == "no expiry given")
    }

    @Test func lifetimeTextNeverTraps() {
        let now = Date(timeIntervalSince1970: 1000)
        #expect(OAuthTokenManager.lifetimeText(Date(timeIntervalSince1970: 6400), now: now) == "expires in 5400 s")
        #expect(OAuthTokenManager.lifetimeText(Date(timeIntervalSince1970: 1e100), now: now) == "expiry out of range")
        #expect(OAuthTokenManager.lifetimeText(Date(timeIntervalSince1970: .nan), now: now) == "expiry out of range")
    }

    /// Rate-limit headers that used to reach a trapping conversion (M3): ignored, or clamped to a day.
    @Test func unusableRateLimitHeadersAreIgnored() {
        let now = Date(timeIntervalSince1970: 1_466_182_200)
        let table: [(String, Duration?)] = [
            ("nan", nil), ("NaN", nil), ("inf", nil), ("-inf", nil),
            ("1e300", ServerRequestedDelay.maximumDelay), ("0x1p1023", ServerRequestedDelay.maximumDelay), ("-1e300", .zero),
        ]
        for (value, expected) in table {
            var ignored: [String] = []
            let wait = ServerRequestedDelay.delay(in: Self.result([("X-Rate-Limit-Reset", value)]), now: now) { ignored.append($0) }
            #expect(wait == expected, "\(value)")
            #expect(ignored == (expected == nil ? ["X-Rate-Limit-Reset"] : []), "\(value)")
        }
        #expect(ServerRequestedDelay.delay(in: Self.result([("Retry-After", "9223372036854775807")]), now: now) == ServerRequestedDelay.maximumDelay)
        var ignored: [String] = []
        #expect(ServerRequestedDelay.delay(in: Self.result([("Retry-After", "-3")]), now: now) { ignored.append($0) } == nil)
        #expect(ignored == ["Retry-After"])
    }

    @Test func durationConversionsSaturate() {
        #expect(Duration.seconds(Int64.max).milliseconds == .max)
        #expect(Duration.seconds(Int64.min).milliseconds == .min)
        #expect(Duration.milliseconds(Int64.max).saturatingNanoseconds == .max)
        #expect(Duration.milliseconds(1500).saturatingNanoseconds == 1_500_000_000)
        #expect(Duration.milliseconds(1500).milliseconds == 1500)
    }

    /// Transport failures read the same whichever layer noticed the dropped connection first.
    @Test func transportFailuresAreDescribedInWords() {
        let table: [(any Error, String)] = [
            (HTTPClientError.remoteConnectionClosed, "the connection was closed by the server"),
            (ChannelError.ioOnClosedChannel, "the connection was closed by the server"),
            (ChannelError.eof, "the connection was closed by the server"),
            (IOError(errnoCode: ECONNRESET, reason: "write(descriptor:pointer:size:)"), "the connection was reset by the server"),
            (IOError(errnoCode: EPIPE, reason: "writev(descriptor:iovecs:)"), "the connection was reset by the server"),
            (IOError(errnoCode: ECONNREFUSED, reason: "connect"), "the connection was refused"),
            (HTTPClientError.readTimeout, "read timed out"),
            (CancellationError(), "the request was cancelled"),
        ]
        for (error, words) in table {
            #expect(HTTPTransport.describe(error) == words, "\(error)")
        }
    }
}

import AsyncHTTPClient
import ConnectorSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite struct ParsedRequestCacheTests {
    private func expectSame(_ cached: HTTPClient.Request, _ made: HTTPClient.Request) {
        #expect(cached.url == made.url)
        #expect(cached.method == made.method)
        #expect(cached.scheme == made.scheme)
        #expect(cached.host == made.host)
        #expect(cached.port == made.port)
        #expect(cached.useTLS == made.useTLS)
        #expect(cached.headers == made.headers)
    }

    @Test(arguments: [
        "http://127.0.0.1:8081/rest/v1.0/projects",
        "https://api.procore.com/rest/v1.0/projects?company_id=7&page=2",
        "http://[::1]:9000/a%20b/c",
        "http+unix://%2Ftmp%2Fconduit.sock/status",
    ])
    func aCachedRequestIsTheRequestInitMakes(url: String) throws {
        let cache = ParsedRequestCache()
        for round in 1...3 {
            var headers = HTTPHeaders()
            headers.add(name: "Idempotency-Token", value: "token-\(round)")
            let body = ByteBuffer(string: #"{"round":\#(round)}"#)
            let cached = try cache.request(url: url, method: .POST, headers: headers, body: .byteBuffer(body))
            let made = try HTTPClient.Request(url: url, method: .POST, headers: headers, body: .byteBuffer(body))
            expectSame(cached, made)
            // Each call's own headers and body, never an earlier call's.
            #expect(cached.headers["Idempotency-Token"] == ["token-\(round)"])
            #expect(cached.body?.contentLength == Int64(body.readableBytes))
        }
        #expect(cache.count == 1)
    }

    @Test func methodsAreKeptApart() throws {
        let cache = ParsedRequestCache()
        let url = "http://127.0.0.1:8081/rest/v1.0/projects/5"
        #expect(try cache.request(url: url, method: .GET, headers: [:], body: nil).method == .GET)
        #expect(try cache.request(url: url, method: .PATCH, headers: [:], body: nil).method == .PATCH)
        #expect(try cache.request(url: url, method: .GET, headers: [:], body: nil).body == nil)
        #expect(cache.count == 2)
    }

    @Test(arguments: ["", "ftp://127.0.0.1/file", "http:///path-only", "/projects", "127.0.0.1:8081/projects"])
    func aRejectedURLFailsAsInitFailsEveryTime(url: String) throws {
        let cache = ParsedRequestCache()
        let rejection = try #require(throws: HTTPClientError.self) { try HTTPClient.Request(url: url, method: .GET) }
        for _ in 1...2 {
            #expect(throws: rejection) { try cache.request(url: url, method: .GET, headers: [:], body: nil) }
        }
        #expect(cache.count == 0)
    }

    @Test func itStartsOverWhenFull() throws {
        let cache = ParsedRequestCache(capacity: 3)
        for id in 1...3 {
            _ = try cache.request(url: "http://127.0.0.1:8081/projects/\(id)", method: .GET, headers: [:], body: nil)
        }
        #expect(cache.count == 3)
        let fourth = try cache.request(url: "http://127.0.0.1:8081/projects/4", method: .GET, headers: [:], body: nil)
        #expect(fourth.url.absoluteString == "http://127.0.0.1:8081/projects/4")
        #expect(cache.count == 1)
    }
}

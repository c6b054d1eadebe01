import AsyncHTTPClient
import FlowCore
import Foundation
import NIOCore
import NIOHTTP1

/// An HTTP response read whole, as `curl` would show it.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: String

    func header(_ name: String) -> String? { headers.first(name: name) }

    /// The body as JSON; throws when it is not JSON.
    var json: Value {
        get throws { try JSON.decode(body) }
    }

    /// Sends one request, following redirects like `curl -L -b ''`: with the cookie engine on, so
    /// a cookie set on the way (the OAuth dance's browser binding) is sent back to its host.
    ///
    /// - Parameter json: a JSON body, sent with `Content-Type: application/json` as the README's curl lines do.
    /// - Parameter form: an `application/x-www-form-urlencoded` body, already encoded.
    /// - Parameter headers: further headers, sent as given (a `Host` here replaces the URL's).
    /// - Parameter followRedirects: false to see a redirect itself rather than where it leads.
    static func send(_ method: HTTPMethod, _ url: String, json: String? = nil, form: String? = nil,
                     headers: [(String, String)] = [], followRedirects: Bool = true,
                     timeout: TimeAmount = .seconds(30)) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        // No pooled connection outlives the request: an app restarted on the same port must not
        // be reached through a connection its previous process closed.
        request.headers.add(name: "Connection", value: "close")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        do {
            var reply = try await execute(request, on: client, timeout: timeout)
            if followRedirects {
                var jar = CookieJar()
                var url = url
                var hops = 0
                while [301, 302, 303, 307, 308].contains(reply.status), let location = reply.header("Location"), hops < 10 {
                    jar.store(reply.headers, from: url)
                    url = URL(string: location, relativeTo: URL(string: url))?.absoluteString ?? location
                    var next = HTTPClientRequest(url: url)
                    for (name, value) in headers where name.lowercased() != "host" { next.headers.add(name: name, value: value) }
                    next.headers.add(name: "Connection", value: "close")
                    if let cookie = jar.header(for: url) { next.headers.add(name: "Cookie", value: cookie) }
                    reply = try await execute(next, on: client, timeout: timeout)
                    hops += 1
                }
            }
            try await client.shutdown()
            return reply
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The cookies a redirect chain set, by host, as curl's cookie engine keeps them (name and
    /// value; the attributes that matter here are honoured by sending them only to their host).
    private struct CookieJar {
        var cookies: [String: [(String, String)]] = [:]

        mutating func store(_ headers: HTTPHeaders, from url: String) {
            guard let host = URL(string: url)?.host else { return }
            for line in headers["Set-Cookie"] {
                guard let pair = line.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
                let value = String(pair[pair.index(after: equals)...])
                cookies[host, default: []].removeAll { $0.0 == name }
                cookies[host, default: []].append((name, value))
            }
        }

        func header(for url: String) -> String? {
            guard let host = URL(string: url)?.host, let list = cookies[host], !list.isEmpty else { return nil }
            return list.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
        }
    }

    private static func execute(_ request: HTTPClientRequest, on client: HTTPClient, timeout: TimeAmount) async throws -> Reply {
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }
}

/// The repository checkout: the sample app (`flows/`, `properties/`) and `examples/`.
enum Repository {
    static var root: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The text of a file under the repository root, e.g. `examples/create-project.json`.
    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }
}

/// A fresh temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("conduit-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

extension Value {
    /// The integer, when this is an exact integer.
    var integer: Int64? {
        if case .int(let number) = self { return number }
        return nil
    }
}

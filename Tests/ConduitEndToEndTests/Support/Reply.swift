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

    /// Sends one request with the shared client, which follows redirects like `curl -L`.
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
        guard !followRedirects else { return try await execute(request, on: HTTPClient.shared, timeout: timeout) }
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        do {
            let reply = try await execute(request, on: client, timeout: timeout)
            try await client.shutdown()
            return reply
        } catch {
            try? await client.shutdown()
            throw error
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

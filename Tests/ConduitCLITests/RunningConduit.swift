import ConduitTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A long-running `conduit` command (`run`, `sandbox`), stopped with SIGTERM when the body returns.
struct RunningConduit {
    /// One HTTP answer: status, headers and body text.
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// Standard output up to and including the ready line.
    let output: String
    /// The first `http://` URL of the ready line.
    let baseURL: String

    /// Starts `conduit arguments` in `directory` and waits (at most 30 s) for the first line
    /// containing `readyMarker`; when `body` returns, stops the process with SIGTERM, waits (at
    /// most 30 s) for it to end however it ends, and kills it if it is still there.
    static func with(_ arguments: [String], readyMarker: String, in directory: URL? = nil,
                     _ body: (RunningConduit) async throws -> Void) async throws {
        let process = try ConduitProcess(arguments, directory: directory?.path ?? FileManager.default.currentDirectoryPath)
        defer { process.kill() }
        let readyLine = try await process.line(containing: readyMarker, within: .seconds(30))
        let output = process.stdout
        let throughReadyLine = output.range(of: readyLine).map { String(output[..<$0.upperBound]) } ?? output
        let url = try #require(readyLine.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init),
                               "no URL in '\(readyLine)'")
        try await body(RunningConduit(output: throughReadyLine, baseURL: url.hasSuffix(",") ? String(url.dropLast()) : url))
        process.terminate()
        _ = try? await process.exitStatus(within: .seconds(30))
    }

    /// Sends `method path` with an optional JSON body.
    func send(_ method: String, _ path: String, json: String? = nil) async throws -> Response {
        var request = URLRequest(url: try #require(URL(string: baseURL + path)))
        request.httpMethod = method
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return Response(status: http.statusCode, headers: headers, body: String(decoding: data, as: UTF8.self))
    }
}

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
    /// containing `readyMarker`.
    static func with(_ arguments: [String], readyMarker: String, in directory: URL? = nil,
                     _ body: (RunningConduit) async throws -> Void) async throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let output = try outputThroughReadyLine(out.fileHandleForReading, marker: readyMarker, process: process)
        let readyLine = output.split(separator: "\n").last { $0.contains(readyMarker) } ?? ""
        let url = try #require(readyLine.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init),
                               "no URL in '\(readyLine)'")
        try await body(RunningConduit(output: output, baseURL: url.hasSuffix(",") ? String(url.dropLast()) : url))
    }

    /// Reads standard output until a whole line contains `marker`; fails when the process ends
    /// or stays silent for 30 s.
    private static func outputThroughReadyLine(_ handle: FileHandle, marker: String, process: Process) throws -> String {
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer { watchdog.cancel() }
        var text = ""
        while !text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains(where: { $0.contains(marker) }) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        try #require(text.contains(marker), "no line with '\(marker)', got '\(text)'")
        return text
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

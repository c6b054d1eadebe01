import ConduitTestSupport
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Standard output that stops being read (a full pipe) does not stop requests: log lines wait in
/// the process's buffer, and once the output is read again every line comes out, in order.
@Suite struct StalledOutputTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <http:listener-config name="api">
            <http:listener-connection host="127.0.0.1" port="${http.port}"/>
          </http:listener-config>
          <flow name="note">
            <http:listener config-ref="api" path="/note"/>
            <logger level="INFO" message="note #[payload.n] #[payload.pad]"/>
            <set-payload value="#[payload.n]"/>
          </flow>
        </mule>
        """

    /// Each line is about 450 bytes, so 600 of them (about 270 KB) are four times what a Linux
    /// pipe holds (64 KiB): with a write per line on the request path, the requests after the
    /// first 150 or so would wait for the reader.
    @Test func requestsGoOnWhileNobodyReadsTheOutputAndNoLineIsLost() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "conduit-stalled-output")
        let process = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0"])
        defer { process.kill() }
        let url = try await Self.baseURL(of: process)

        process.pauseReadingStdout()
        let pad = String(repeating: "x", count: 200)
        let count = 600
        for n in 0..<count {
            let (status, body) = try await Self.note(n, pad: pad, to: url, timeout: 10)
            #expect(status == 200)
            #expect(body == "\(n)")
        }

        process.resumeReadingStdout()
        _ = try await process.line(containing: "note \(count - 1) ", within: .seconds(20))
        #expect(Self.notesLogged(by: process) == Array(0..<count))
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }

    /// Past the buffer (256 KiB, beside a batch of up to as much being written) and the pipe
    /// (64 KiB), from about 730 of these lines on, a request that logs waits for room: nothing is
    /// dropped, and once the output is read again the waiting requests are answered and every
    /// line comes out.
    @Test func pastTheBufferLoggingWaitsAndNothingIsDropped() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "conduit-stalled-output")
        let process = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0"])
        defer { process.kill() }
        let url = try await Self.baseURL(of: process)

        process.pauseReadingStdout()
        let pad = String(repeating: "z", count: 200)
        let count = 1_500
        let answered = Counter()
        let requests = Task {
            for n in 0..<count {
                let status = try await Self.note(n, pad: pad, to: url, timeout: 30).status
                #expect(status == 200)
                answered.increment()
            }
        }
        // Wait until no answer has come for 3 s (the buffer is full and the next request's line
        // waits): long enough that a loaded machine's pauses are not taken for it.
        var last = -1
        var unchangedSince = ContinuousClock.now
        while last < count {
            try await Task.sleep(for: .milliseconds(250))
            let now = answered.value
            if now != last {
                last = now
                unchangedSince = .now
            } else if ContinuousClock.now - unchangedSince >= .seconds(3) {
                break
            }
        }
        #expect(last > 600 && last < count, "answered \(last) of \(count) before the output was read again")

        process.resumeReadingStdout()
        try await requests.value
        #expect(answered.value == count)
        _ = try await process.line(containing: "note \(count - 1) ", within: .seconds(20))
        #expect(Self.notesLogged(by: process) == Array(0..<count))
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }

    /// Lines still in the buffer when the process is asked to stop are written before it ends.
    @Test func linesQueuedAtStopAreWrittenBeforeTheProcessEnds() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "conduit-stalled-output")
        let process = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0"])
        defer { process.kill() }
        let url = try await Self.baseURL(of: process)

        process.pauseReadingStdout()
        let pad = String(repeating: "y", count: 200)
        for n in 0..<300 {
            _ = try await Self.note(n, pad: pad, to: url, timeout: 10)
        }
        process.terminate()
        // Read again only after the stop was asked for: the last lines are still buffered.
        try await Task.sleep(for: .milliseconds(200))
        process.resumeReadingStdout()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
        #expect(process.stdout.contains("LoggerMessageProcessor: note 299 \(pad)"))
    }

    /// The listener's URL, from the ready line.
    static func baseURL(of process: ConduitProcess) async throws -> String {
        let ready = try await process.line(containing: "ready in", within: .seconds(20))
        return try #require(ready.split(separator: " ").last.map(String.init))
    }

    /// `POST /note` with `n` and `pad`: the status and the body's text.
    static func note(_ n: Int, pad: String, to url: String, timeout: TimeInterval) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: url + "/note")), timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"n": \#(n), "pad": "\#(pad)"}"#.utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        return (try #require(response as? HTTPURLResponse).statusCode, String(decoding: body, as: UTF8.self))
    }

    /// The `n` of every note line on the process's standard output, in the order written.
    static func notesLogged(by process: ConduitProcess) -> [Int] {
        process.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "LoggerMessageProcessor: note ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0 != " " })
        }
    }
}

/// A count shared between a request loop and the test that watches it.
private final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}

import AsyncHTTPClient
import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// The transport's deadlines, kept by ``ExchangeDeadlines`` instead of a timer per request in
/// AsyncHTTPClient, over loopback to a server that answers, stalls or trickles.
@Suite(.timeLimit(.minutes(1)))
struct ExchangeDeadlinesTests {
    private static func withTransport<T>(_ body: (HTTPTransport) async throws -> T) async throws -> T {
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .failingFast(timeout: .init(connect: .seconds(5))))
        let transport = HTTPTransport(client: client, configName: "Deadlines", logger: Logger(label: "test"),
                                      logNames: HTTPLogNames(remote: "Upstream", metadataPrefix: "upstream"))
        do {
            let result = try await body(transport)
            try await client.shutdown()
            return result
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    private static func reason(_ outcome: HTTPTransport.Outcome) -> String? {
        if case .failure(let reason) = outcome { return reason }
        return nil
    }

    @Test func aStalledAnswerEndsAtItsDeadline() async throws {
        try await FaultyUpstream.with({ _, _ in [.stall] }) { upstream in
            try await Self.withTransport { transport in
                let started = ContinuousClock.now
                let outcome = await transport.send(method: .GET, url: upstream.origin + "/slow", headers: [], body: nil,
                                                   deadline: .now + .milliseconds(300))
                let elapsed = started.duration(to: .now)
                #expect(Self.reason(outcome) == "no response before the deadline")
                #expect(elapsed >= .milliseconds(300))
                #expect(elapsed < .seconds(5))
                #expect(transport.deadlines.count == 0)
            }
        }
    }

    @Test func aBodyTrickledPastTheDeadlineEndsAtIt() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\n"
        try await FaultyUpstream.with({ _, _ in
            [.write(Array(head.utf8)), .trickle(Array(repeating: UInt8(ascii: "x"), count: 400), interval: .milliseconds(10))]
        }) { upstream in
            try await Self.withTransport { transport in
                let outcome = await transport.send(method: .GET, url: upstream.origin + "/trickle", headers: [], body: nil,
                                                   deadline: .now + .milliseconds(500))
                #expect(Self.reason(outcome) == "no response before the deadline")
            }
        }
    }

    @Test func answersWithinTheirDeadlinesAreUntouched() async throws {
        try await FaultyUpstream.with({ _, index in FaultyUpstream.Action.response(200, reason: "OK", body: "answer \(index)") }) { upstream in
            try await Self.withTransport { transport in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            let outcome = await transport.send(method: .GET, url: upstream.origin + "/fast", headers: [], body: nil,
                                                               deadline: .now + .seconds(10))
                            guard case .response(let message) = outcome else {
                                Issue.record("expected an answer, got \(outcome)")
                                return
                            }
                            #expect(message.attributes["statusCode"] == 200)
                        }
                    }
                    try await group.waitForAll()
                }
                // A watched exchange is gone once its answer is in.
                #expect(transport.deadlines.count == 0)
            }
        }
    }

    @Test func aDeadlineAlreadyPastSendsNothing() async throws {
        try await FaultyUpstream.with({ _, _ in FaultyUpstream.Action.response(200, reason: "OK") }) { upstream in
            try await Self.withTransport { transport in
                let outcome = await transport.send(method: .POST, url: upstream.origin + "/late", headers: [], body: [1],
                                                   deadline: .now - .milliseconds(1))
                #expect(Self.reason(outcome) == "no response before the deadline")
                #expect(upstream.requests.isEmpty)
            }
        }
    }

    @Test func aCancelledCallerIsNotTakenForATimeout() async throws {
        try await FaultyUpstream.with({ _, _ in [.stall] }) { upstream in
            try await Self.withTransport { transport in
                let call = Task {
                    await transport.send(method: .GET, url: upstream.origin + "/stall", headers: [], body: nil,
                                         deadline: .now + .seconds(30))
                }
                try await Task.sleep(for: .milliseconds(200))
                call.cancel()
                #expect(Self.reason(await call.value) == "the request was cancelled")
                #expect(transport.deadlines.count == 0)
            }
        }
    }
}

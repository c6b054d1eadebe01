import AsyncHTTPClient
import FlowCore
import HTTPConnector
import Foundation
import NIOPosix
import NIOHTTP1
import Testing
import ConduitTestSupport
import NIOCore

@Suite("Back-pressure and shutdown")
struct ConcurrencyAndShutdownTests {
    /// Whether a TCP connection to `port` on 127.0.0.1 succeeds.
    static func acceptsConnections(port: Int) async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(2))
                .connect(host: "127.0.0.1", port: port).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }

    static let app = RunningApp.listenerConfig + """
        <test:config name="cfg"/>
        <flow name="held" maxConcurrency="1">
          <http:listener config-ref="listener" path="/held"/>
          <test:hold config-ref="cfg"/>
        </flow>
        <flow name="quick">
          <http:listener config-ref="listener" path="/quick"/>
          <set-payload value="quick"/>
        </flow>
        """

    @Test("a flow at maxConcurrency answers 503 with an empty body; other flows still answer")
    func backPressure() async throws {
        let connector = HoldConnector()
        try await RunningApp.serve(Self.app, connectors: [connector]) { app in
            async let first = app.send(.GET, "/held")
            var arrivals = connector.arrivals.makeAsyncIterator()
            _ = await arrivals.next()
            let rejected = try await app.send(.GET, "/held")
            #expect(rejected.status == 503)
            #expect(rejected.body == "")
            #expect(try await app.send(.GET, "/quick").body == "quick")
            await connector.latch.open()
            let completed = try await first
            #expect(completed.status == 200)
            #expect(completed.body == "released")
            #expect(try await app.send(.GET, "/held").status == 200)
        }
    }

    @Test("graceful shutdown lets in-flight requests finish, then stops accepting")
    func gracefulShutdown() async throws {
        let connector = HoldConnector()
        try await RunningApp.serve(Self.app, connectors: [connector]) { app in
            #expect(await Self.acceptsConnections(port: app.listeners[0].port))
            async let inFlight = app.send(.GET, "/held")
            var arrivals = connector.arrivals.makeAsyncIterator()
            _ = await arrivals.next()
            await app.served.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(100))
            await connector.latch.open()
            let reply = try await inFlight
            #expect(reply.status == 200)
            #expect(reply.body == "released")
            // The listener closes once the drain ends; on a loaded machine that takes a moment.
            var stillAccepting = true
            for _ in 0..<100 where stillAccepting {
                try await Task.sleep(for: .milliseconds(100))
                stillAccepting = await Self.acceptsConnections(port: app.listeners[0].port)
            }
            #expect(stillAccepting == false)
        }
    }

    @Test("a port already in use fails the service with the listener's name and address")
    func portInUse() async throws {
        try await RunningApp.serve(RunningApp.listenerConfig) { first in
            let port = first.listeners[0].port
            let body = RunningApp.listenerConfig.replacingOccurrences(of: "port=\"0\"", with: "port=\"\(port)\"")
            let started = ContinuousClock.now
            await #expect(throws: ListenerStartError.self) {
                try await RunningApp.serve(body) { _ in Issue.record("the second app should not start") }
            }
            // Only has to tell a failed start from a hang, on a loaded machine.
            #expect(started.duration(to: .now) < .seconds(30))
        }
    }
}

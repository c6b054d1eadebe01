import AsyncHTTPClient
import Foundation
import Logging
import ProcoreSandbox
import Testing
import NIOCore

/// Starting, addressing and stopping an embedded sandbox.
@Suite struct ServerLifecycleTests {
    static var quietLogger: Logger {
        var logger = Logger(label: "sandbox-lifecycle-test")
        logger.logLevel = .critical
        return logger
    }

    @Test func concurrentStartsShareOneServer() async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(port: 0), logger: Self.quietLogger)
        async let first = server.start()
        async let second = server.start()
        let ports = try await [first, second]
        #expect(ports[0] == ports[1])
        #expect(ports[0] > 0)
        #expect(await server.baseURL == "http://127.0.0.1:\(ports[0])")
        #expect(await server.port == ports[0])
        await server.shutdown()
        #expect(await server.port == nil)
    }

    @Test func anOccupiedPortIsReported() async throws {
        let first = SandboxServer(configuration: SandboxConfiguration(port: 0), logger: Self.quietLogger)
        let port = try await first.start()
        let second = SandboxServer(configuration: SandboxConfiguration(port: port), logger: Self.quietLogger)
        await #expect {
            _ = try await second.start()
        } throws: { error in
            (error as? SandboxError)?.message.hasPrefix("cannot listen on 127.0.0.1:\(port): ") == true
        }
        await first.shutdown()
    }

    @Test func afterShutdownNothingListens() async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(port: 0), logger: Self.quietLogger)
        let port = try await server.start()
        await server.shutdown()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        // The client keeps retrying a refused connection until the deadline, so keep it short.
        await #expect(throws: (any Error).self) {
            _ = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/rest/v1.0/me"), timeout: .milliseconds(500))
        }
        try await client.shutdown()
    }

    @Test func wildcardHostIsAddressedThroughLoopback() async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(host: "0.0.0.0", port: 0), logger: Self.quietLogger)
        let port = try await server.start()
        #expect(await server.baseURL == "http://127.0.0.1:\(port)")
        await server.shutdown()
    }
}

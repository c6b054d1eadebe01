import AsyncHTTPClient
import ConduitTestSupport
import HTTPConnector
import NIOHTTP1
import NIOCore
import NIOSSL
import Testing

/// Issue 21 L4: an HTTPS listener speaks TLS 1.2 and 1.3 only.
@Suite("TLS versions")
struct TLSVersionTests {
    /// Whether a GET over a client limited to `maximum` gets an answer.
    static func answers(port: Int, maximum: TLSVersion) async throws -> Bool {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(HTTPSListenerTests.certificate))
        tls.minimumTLSVersion = .tlsv1
        tls.maximumTLSVersion = maximum
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        let answered: Bool
        do {
            // A refused handshake is retried by the client until the deadline, so every refused
            // version costs the whole timeout; 2 s was too short for an accepted one in a full
            // parallel run.
            let response = try await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(port)/hello"), timeout: .seconds(8))
            _ = try await response.body.collect(upTo: 1024)
            answered = response.status.code == 200
        } catch {
            answered = false
        }
        try await client.shutdown()
        return answered
    }

    @Test("TLS 1.0 and 1.1 handshakes are refused; 1.2 and 1.3 are served")
    func minimumVersion() async throws {
        try await RunningApp.serve(HTTPSListenerTests.app(context: HTTPSListenerTests.keyStoreContext())) { app in
            let port = app.listeners[0].port
            let answered = [
                try await Self.answers(port: port, maximum: .tlsv1), try await Self.answers(port: port, maximum: .tlsv11),
                try await Self.answers(port: port, maximum: .tlsv12), try await Self.answers(port: port, maximum: .tlsv13),
            ]
            #expect(answered == [false, false, true, true])
        }
    }
}

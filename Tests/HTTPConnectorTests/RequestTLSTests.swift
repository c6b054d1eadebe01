import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import NIOSSL
import Testing

/// HTTPS requests against a real TLS server on loopback (the self-signed `127.0.0.1` fixture):
/// trusted through a `tls:trust-store`, refused without one, accepted with `insecure="true"`.
@Suite struct RequestTLSTests {
    static func serverContext() throws -> NIOSSLContext {
        let bundle = try NIOSSLPKCS12Bundle(file: HTTPSListenerTests.keyStore, passphrase: Array("changeit".utf8))
        return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: bundle.certificateChain.map { .certificate($0) },
                                                                         privateKey: .privateKey(bundle.privateKey)))
    }

    static func app(_ port: Int, context: String) -> String {
        """
        <http:request-config name="secure">
          <http:request-connection host="127.0.0.1" port="\(port)" protocol="HTTPS">\(context)</http:request-connection>
        </http:request-config>
        <flow name="main"><http:request config-ref="secure" path="/hello"/></flow>
        """
    }

    @Test("a PKCS12 or PEM trust store holding the server's certificate lets the request through", arguments: [
        #"<tls:trust-store type="pkcs12" path="\#(HTTPSListenerTests.keyStore)" password="changeit"/>"#,
        #"<tls:trust-store type="pem" path="\#(HTTPSListenerTests.certificate)"/>"#,
    ])
    func trusted(trustStore: String) async throws {
        try await ScriptedServer.with(tls: try Self.serverContext(), { _ in .text(200, "secret garden") }) { server in
            try await RequestApp.run(Self.app(server.port, context: "<tls:context>\(trustStore)</tls:context>")) { app in
                let result1 = try await app.event().message.payload.value
                #expect(result1 == "secret garden")
            }
        }
    }

    @Test("without a trust store the self-signed server is refused as HTTP:CONNECTIVITY; insecure accepts it")
    func untrustedAndInsecure() async throws {
        try await ScriptedServer.with(tls: try Self.serverContext(), { _ in .text(200, "secret garden") }) { server in
            try await RequestApp.run(Self.app(server.port, context: "")) { app in
                let error = try await app.error()
                #expect(error.type.description == "HTTP:CONNECTIVITY")
                #expect(error.description.hasPrefix("HTTP GET on resource 'https://127.0.0.1:\(server.port)/hello' failed: TLS handshake failed: "))
            }
            try await RequestApp.run(Self.app(server.port, context: #"<tls:context><tls:trust-store insecure="true"/></tls:context>"#)) { app in
                let result2 = try await app.event().message.payload.value
                #expect(result2 == "secret garden")
            }
        }
    }

    @Test("a top-level tls:context with a trust store, named by tlsContext, serves the request")
    func referencedContext() async throws {
        try await ScriptedServer.with(tls: try Self.serverContext(), { _ in .text(200, "secret garden") }) { server in
            try await RequestApp.run("""
                <tls:context name="trusting"><tls:trust-store type="pem" path="\(HTTPSListenerTests.certificate)"/></tls:context>
                <http:request-config name="secure">
                  <http:request-connection host="127.0.0.1" port="\(server.port)" protocol="HTTPS" tlsContext="trusting"/>
                </http:request-config>
                <flow name="main"><http:request config-ref="secure" path="/hello"/></flow>
                """) { app in
                let payload = try await app.event().message.payload.value
                #expect(payload == "secret garden")
            }
        }
    }
}

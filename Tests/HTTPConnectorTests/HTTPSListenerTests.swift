import AsyncHTTPClient
import ConduitTestSupport
import FlowCore
import Foundation
import HTTPConnector
import NIOCore
import NIOSSL
import Testing
import NIOHTTP1

@Suite("HTTPS listeners")
struct HTTPSListenerTests {
    /// A self-signed certificate for `localhost` and `127.0.0.1` and its key, in a PKCS12 store
    /// whose password is `changeit` (test fixtures, generated with openssl; not secrets).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let keyStore = fixtures.appendingPathComponent("localhost.p12").path
    static let certificate = fixtures.appendingPathComponent("localhost-cert.pem").path

    static func app(protocolName: String = "HTTPS", context: String) -> String {
        """
        <http:listener-config name="secure">
          <http:listener-connection host="127.0.0.1" port="0" protocol="\(protocolName)">
            \(context)
          </http:listener-connection>
        </http:listener-config>
        <flow name="hello">
          <http:listener config-ref="secure" path="/hello"/>
          <set-payload value="#[{secure: attributes.scheme, method: attributes.method}]"/>
        </flow>
        """
    }

    static func keyStoreContext(type: String = "pkcs12", path: String = keyStore, password: String = "changeit", extra: String = "") -> String {
        """
        <tls:context>
              <tls:key-store type="\(type)" path="\(path)" password="\(password)"\(extra)/>
            </tls:context>
        """
    }

    @Test("an HTTPS listener serves over TLS with the PKCS12 key store's certificate")
    func servesHTTPS() async throws {
        try await RunningApp.serve(Self.app(context: Self.keyStoreContext())) { app in
            let listener = try #require(app.listeners.first)
            #expect(listener.scheme == "https")
            #expect(listener.url.hasPrefix("https://127.0.0.1:"))
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(Self.certificate))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            do {
                let response = try await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(listener.port)/hello"), timeout: .seconds(10))
                let body = try await response.body.collect(upTo: 1024)
                #expect(response.status.code == 200)
                #expect(String(buffer: body) == #"{"secure":"https","method":"GET"}"#)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test("a listener can name a top-level <tls:context> in tlsContext, as Mule apps usually do")
    func globalContext() async throws {
        let body = """
            <tls:context name="serverTLS">
              <tls:key-store type="pkcs12" path="\(Self.keyStore)" password="changeit"/>
            </tls:context>
            <http:listener-config name="secure">
              <http:listener-connection host="127.0.0.1" port="0" protocol="HTTPS" tlsContext="serverTLS"/>
            </http:listener-config>
            <flow name="hello">
              <http:listener config-ref="secure" path="/hello"/>
              <set-payload value="hello"/>
            </flow>
            """
        try await RunningApp.serve(body) { app in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(Self.certificate))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            let status: UInt
            let text: String
            do {
                let response = try await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(app.listeners[0].port)/hello"), timeout: .seconds(10))
                status = response.status.code
                text = String(buffer: try await response.body.collect(upTo: 1024))
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
            #expect(status == 200)
            #expect(text == "hello")
        }
        do {
            _ = try TestApp.definition(body.replacingOccurrences(of: #"tlsContext="serverTLS""#, with: #"tlsContext="serverTSL""#))
            Issue.record("the app should not load")
        } catch let failure as TestApp.LoadFailure {
            #expect(failure.description == "flows/main.xml:14:84: error: Referenced component 'serverTSL' must be one of stereotypes [TLS:CONTEXT]. Did you mean 'serverTLS'?")
        }
    }

    @Test("a plain HTTP request to an HTTPS listener gets no answer")
    func plainHTTPIsRefused() async throws {
        try await RunningApp.serve(Self.app(context: Self.keyStoreContext())) { app in
            await #expect(throws: (any Error).self) {
                _ = try await Reply.send(.GET, "http://127.0.0.1:\(app.listeners[0].port)/hello")
            }
        }
    }

    @Test("a wrong key store password is reported by validate at the password, without showing it")
    func wrongPassword() throws {
        let body = Self.app(context: Self.keyStoreContext(password: "not-the-password"))
        let column = #"      <tls:key-store type="pkcs12" path="\#(Self.keyStore)" password=""#.count + 1
        let messages = try TestApp.diagnostics(body).map(\.description)
        #expect(messages == ["flows/main.xml:13:\(column): error: Key store '\(Self.keyStore)' could not be opened: the password is wrong or it is not a PKCS12 file."])
        #expect(!messages.joined().contains("not-the-password"))
    }

    @Test("a key store without a private key is reported at its path (NIOSSL would stop the process)")
    func keyStoreWithoutKey() throws {
        let certificatesOnly = Self.fixtures.appendingPathComponent("localhost-trust.p12").path
        let messages = try TestApp.diagnostics(Self.app(context: Self.keyStoreContext(path: certificatesOnly))).map(\.description)
        #expect(messages == ["flows/main.xml:13:42: error: Key store '\(certificatesOnly)' holds no private key."])
    }

    @Test("TLS mistakes are reported by validate at their place", arguments: [
        (app(context: ""), 2, 3, "Element <http:listener-connection> uses protocol HTTPS but has no <tls:context> with the server's <tls:key-store>."),
        (app(context: keyStoreContext(type: "bks")), 4, 28,
         "Key store type 'bks' is not supported: Conduit reads JKS, JCEKS and PKCS12 key stores (type=\"jks\", \"jceks\" or \"pkcs12\")."),
        (app(context: keyStoreContext(path: "/nonexistent/keystore.p12")), 4, 42,
         "Key store '/nonexistent/keystore.p12' cannot be read (looked for /nonexistent/keystore.p12)."),
        (app(protocolName: "HTTP", context: keyStoreContext()), 3, 5,
         "Element <tls:context> needs protocol=\"HTTPS\" on <http:listener-connection>; with HTTP it would be ignored."),
        (app(context: """
            <tls:context>
                  <tls:key-store type="pkcs12" path="\(keyStore)" password="changeit"/>
                  <tls:trust-store path="x.p12"/>
                </tls:context>
            """), 5, 7,
         "<tls:trust-store> on a listener (checking client certificates) is not supported; Conduit's HTTPS listeners do not ask for client certificates."),
    ])
    func loadErrors(body: String, line: Int, column: Int, message: String) throws {
        // The one problem, at its place, and no follow-on errors (the flows' listeners do not
        // report the config they name).
        #expect(try TestApp.diagnostics(body).map(\.description) == ["flows/main.xml:\(line + Self.bodyFirstLine - 1):\(column): error: \(message)"])
    }

    /// The line of `flows/main.xml` where the body starts (after the XML declaration and `<mule …>`).
    static let bodyFirstLine = 10
}

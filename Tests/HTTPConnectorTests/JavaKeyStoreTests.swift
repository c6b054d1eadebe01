import AsyncHTTPClient
import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import HTTPConnector
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

/// HTTPS listeners and requests with Java's JKS and JCEKS stores, as Mule apps ship them (the
/// `keytool` fixtures of `Fixtures/README.md`), over real TLS on loopback; and every way such a
/// store can be wrong, reported at its place without the password.
@Suite("Java key stores (JKS, JCEKS)")
struct JavaKeyStoreTests {
    static func fixture(_ name: String) -> String {
        HTTPSListenerTests.fixtures.appendingPathComponent(name).path
    }

    /// A GET of `/hello` on the HTTPS listener at `port` by a client trusting only the PEM
    /// certificate `trusting`: the status and body, or the error when the handshake fails.
    static func get(port: Int, trusting: String, timeout: TimeAmount = .seconds(10)) async throws -> (UInt, String) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(trusting))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        do {
            let response = try await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(port)/hello"), timeout: timeout)
            let body = String(buffer: try await response.body.collect(upTo: 1024))
            try await client.shutdown()
            return (response.status.code, body)
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    @Test("an HTTPS listener serves the key of a JKS or JCEKS store; the client verifies its certificate", arguments: [
        #"type="jks" path="\#(fixture("localhost.jks"))" password="changeit""#,
        #"type="JCEKS" path="\#(fixture("localhost.jceks"))" password="changeit" keyPassword="key-secret""#,
        #"type="jceks" path="\#(fixture("with-secret-key.jceks"))" password="changeit""#,
        #"type="JKS" path="\#(fixture("two-keys.jks"))" password="changeit" alias="FIRST""#,
        // Mule's default type is JKS; the file's own magic number decides.
        #"path="\#(fixture("localhost.jks"))" password="changeit""#,
        #"type="pkcs12" path="\#(fixture("localhost.jks"))" password="changeit""#,
    ])
    func servesJavaKeyStore(keyStore: String) async throws {
        try await RunningApp.serve(HTTPSListenerTests.app(context: "<tls:context><tls:key-store \(keyStore)/></tls:context>")) { app in
            let (status, body) = try await Self.get(port: app.listeners[0].port, trusting: HTTPSListenerTests.certificate)
            #expect(status == 200)
            #expect(body == #"{"secure":"https","method":"GET"}"#)
        }
    }

    @Test("alias chooses among several keys: 'second' serves its own EC certificate, which the localhost one does not verify")
    func aliasChoosesTheKey() async throws {
        let context = #"<tls:context><tls:key-store path="\#(Self.fixture("two-keys.jks"))" password="changeit" alias="second" keyPassword="second-secret"/></tls:context>"#
        try await RunningApp.serve(HTTPSListenerTests.app(context: context)) { app in
            let port = app.listeners[0].port
            let (status, _) = try await Self.get(port: port, trusting: Self.fixture("second-cert.pem"))
            #expect(status == 200)
            // A refused handshake is retried by the client until the deadline: keep it short.
            await #expect(throws: (any Error).self) {
                try await Self.get(port: port, trusting: HTTPSListenerTests.certificate, timeout: .seconds(2))
            }
        }
    }

    @Test("an HTTP request trusts the server through a JKS or JCEKS trust store", arguments: [
        #"<tls:trust-store path="\#(fixture("trust.jks"))" password="changeit"/>"#,
        #"<tls:trust-store type="jceks" path="\#(fixture("trust.jceks"))" password="changeit"/>"#,
        // Java reads a trust store without a password, unchecked.
        #"<tls:trust-store type="jks" path="\#(fixture("trust.jks"))"/>"#,
        // A key entry's own certificate is trusted too, as Java's trust managers do.
        #"<tls:trust-store type="jks" path="\#(fixture("localhost.jks"))" password="changeit"/>"#,
    ])
    func requestTrustStore(trustStore: String) async throws {
        try await ScriptedServer.with(tls: try RequestTLSTests.serverContext(), { _ in .text(200, "secret garden") }) { server in
            try await RequestApp.run(RequestTLSTests.app(server.port, context: "<tls:context>\(trustStore)</tls:context>")) { app in
                let payload = try await app.event().message.payload.value
                #expect(payload == "secret garden")
            }
        }
    }

    @Test("a JKS trust store without the server's certificate fails the handshake as HTTP:CONNECTIVITY")
    func requestNotTrusted() async throws {
        try await ScriptedServer.with(tls: try RequestTLSTests.serverContext(), { _ in .text(200, "secret garden") }) { server in
            let context = #"<tls:context><tls:trust-store path="\#(Self.fixture("second-trust.jks"))" password="changeit"/></tls:context>"#
            try await RequestApp.run(RequestTLSTests.app(server.port, context: context)) { app in
                let error = try await app.error()
                #expect(error.type.description == "HTTP:CONNECTIVITY")
                #expect(error.description.hasPrefix("HTTP GET on resource 'https://127.0.0.1:\(server.port)/hello' failed: TLS handshake failed: "))
            }
        }
    }

    /// Writes `bytes` into a fresh scratch directory; its path.
    static func writeScratch(_ bytes: [UInt8], named name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conduit-keystores-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// The one diagnostic of an HTTPS listener app whose key store element carries `attributes`,
    /// as "line:column: message" with the column of `at` (an attribute name) or of the element.
    static func listenerError(_ attributes: String) throws -> String {
        let body = HTTPSListenerTests.app(context: "<tls:context><tls:key-store \(attributes)/></tls:context>")
        let diagnostics = try TestApp.diagnostics(body).map(\.description)
        try #require(diagnostics.count == 1, "\(diagnostics)")
        return diagnostics[0]
    }

    /// Where the value of `attribute` starts in the listener app's key store line, as
    /// `flows/main.xml:line:column` (the element when `attribute` is nil).
    static func place(of attribute: String?, in attributes: String) -> String {
        let line = "    <tls:context><tls:key-store \(attributes)/></tls:context>"
        guard let attribute else { return "flows/main.xml:12:18" }
        let range = line.range(of: " \(attribute)=\"")!
        return "flows/main.xml:12:\(line.distance(from: line.startIndex, to: range.upperBound) + 1)"
    }

    @Test("a wrong store password, key password, alias, or several keys without alias: each reported at its attribute", arguments: [
        (#"type="jks" path="\#(fixture("localhost.jks"))" password="wrong-pw""#, "password",
         "Key store '\(fixture("localhost.jks"))' failed its integrity check: the password is wrong, or the file was changed."),
        (#"type="jceks" path="\#(fixture("localhost.jceks"))" password="changeit""#, "password",
         "Key store '\(fixture("localhost.jceks"))': the private key 'localhost' cannot be recovered: the key password is wrong (keyPassword, or password when keyPassword is not set)."),
        (#"type="jceks" path="\#(fixture("localhost.jceks"))" password="changeit" keyPassword="wrong-pw""#, "keyPassword",
         "Key store '\(fixture("localhost.jceks"))': the private key 'localhost' cannot be recovered: the key password is wrong (keyPassword, or password when keyPassword is not set)."),
        (#"type="jks" path="\#(fixture("two-keys.jks"))" password="changeit" alias="second""#, "password",
         "Key store '\(fixture("two-keys.jks"))': the private key 'second' cannot be recovered: the key password is wrong (keyPassword, or password when keyPassword is not set)."),
        (#"type="jks" path="\#(fixture("two-keys.jks"))" password="changeit" alias="third""#, "alias",
         "Key store '\(fixture("two-keys.jks"))' has no private key with alias 'third'; its private keys: second, first."),
        (#"type="jceks" path="\#(fixture("with-secret-key.jceks"))" password="changeit" alias="aes-key""#, "alias",
         "Key store '\(fixture("with-secret-key.jceks"))' has no private key with alias 'aes-key' ('aes-key' is a secret key); its private keys: localhost."),
        (#"type="jks" path="\#(fixture("trust.jks"))" password="changeit" alias="localhost""#, "alias",
         "Key store '\(fixture("trust.jks"))' has no private key with alias 'localhost' ('localhost' is a trusted certificate); it holds none."),
        (#"type="jks" path="\#(fixture("two-keys.jks"))" password="changeit""#, nil,
         "Key store '\(fixture("two-keys.jks"))' holds several private keys (second, first): set alias to the one to serve."),
        (#"type="jks" path="\#(fixture("trust.jks"))" password="changeit""#, "path",
         "Key store '\(fixture("trust.jks"))' holds no private key."),
        (#"type="bks" path="\#(fixture("localhost.jks"))" password="changeit""#, "type",
         #"Key store type 'bks' is not supported: Conduit reads JKS, JCEKS and PKCS12 key stores (type="jks", "jceks" or "pkcs12")."#),
    ] as [(String, String?, String)])
    func keyStoreErrors(attributes: String, at attribute: String?, message: String) throws {
        #expect(try Self.listenerError(attributes) == "\(Self.place(of: attribute, in: attributes)): error: \(message)")
        #expect(!(try Self.listenerError(attributes)).contains("wrong-pw"))
    }

    @Test("a flipped byte fails the integrity check; a truncated file too; with no password a cut trust store is named damaged")
    func damagedFiles() throws {
        var flipped = try JavaKeyStoreFormatTests.fixture("localhost.jks")
        flipped[1000] ^= 0x01
        let flippedPath = try Self.writeScratch(flipped, named: "flipped.jks")
        let attributes = #"path="\#(flippedPath)" password="changeit""#
        #expect(try Self.listenerError(attributes) ==
                "\(Self.place(of: "password", in: attributes)): error: Key store '\(flippedPath)' failed its integrity check: the password is wrong, or the file was changed.")
        let truncatedPath = try Self.writeScratch(Array(try JavaKeyStoreFormatTests.fixture("localhost.jceks").prefix(1500)), named: "cut.jceks")
        let truncated = #"type="jceks" path="\#(truncatedPath)" password="changeit""#
        #expect(try Self.listenerError(truncated) ==
                "\(Self.place(of: "password", in: truncated)): error: Key store '\(truncatedPath)' failed its integrity check: the password is wrong, or the file was changed.")
        let cutTrust = try Self.writeScratch(Array(try JavaKeyStoreFormatTests.fixture("trust.jks").prefix(500)), named: "cut-trust.jks")
        let messages = try TestApp.diagnostics("""
            <http:request-config name="api"><http:request-connection host="127.0.0.1" protocol="HTTPS">
            <tls:context><tls:trust-store path="\(cutTrust)"/></tls:context>
            </http:request-connection></http:request-config>
            """).map(\.description)
        #expect(messages == ["flows/main.xml:11:37: error: Trust store '\(cutTrust)' cannot be read: its length 811 at byte 42 runs past the end."])
    }

    @Test("a JKS trust store with a wrong password is reported at the password")
    func trustStoreWrongPassword() throws {
        let messages = try TestApp.diagnostics("""
            <http:request-config name="api"><http:request-connection host="127.0.0.1" protocol="HTTPS">
            <tls:context><tls:trust-store path="\(Self.fixture("trust.jks"))" password="wrong-pw"/></tls:context>
            </http:request-connection></http:request-config>
            """).map(\.description)
        let column = 37 + Self.fixture("trust.jks").count + 12
        #expect(messages == ["flows/main.xml:11:\(column): error: Trust store '\(Self.fixture("trust.jks"))' failed its integrity check: the password is wrong, or the file was changed."])
    }
}

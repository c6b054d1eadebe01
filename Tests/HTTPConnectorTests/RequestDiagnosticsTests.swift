import ConduitTestSupport
import Foundation
import Testing

/// What `conduit validate` reports about `http:request-config` and `http:request`: each mistake
/// once, where it is written, with a message that says what to do.
@Suite struct RequestDiagnosticsTests {
    static let muleStart = #"<mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http" xmlns:tls="http://www.mulesoft.org/schema/mule/tls">"#
    static let config = #"<http:request-config name="api"><http:request-connection host="127.0.0.1" port="8080"/></http:request-config>"#

    static func messages(_ body: String, config: String = config) throws -> [String] {
        let app = try AppDirectory(["flows/app.xml": "\(muleStart)\n\(config)\n\(body)\n</mule>\n"])
        return app.messages().map { $0.replacingOccurrences(of: app.directory, with: "<app>") }
    }

    @Test("a valid request loads without any diagnostic")
    func valid() throws {
        #expect(try Self.messages("""
            <flow name="a"><http:request config-ref="api" method="POST" path="/x/{id}" target="out">
              <http:body>#[output application/json --- payload]</http:body>
              <http:headers>#[{'X-A': 1}]</http:headers>
              <http:uri-params>#[{id: 1}]</http:uri-params>
              <http:query-params>#[{q: 'a'}]</http:query-params>
              <http:response-validator><http:success-status-code-validator values="200..299, 404"/></http:response-validator>
            </http:request></flow>
            """) == [])
    }

    @Test("an unknown attribute on the operation and on the config is reported where it is written, with a suggestion")
    func unknownAttribute() throws {
        let messages = try Self.messages(#"<flow name="a"><http:request config-ref="api" pth="/x"/></flow>"#,
                                         config: #"<http:request-config name="api" basePth="/v1"><http:request-connection host="h"/></http:request-config>"#)
        #expect(messages == [
            "flows/app.xml:2:33: error: Attribute 'basePth' is not allowed on <http:request-config>. Did you mean 'basePath'?",
            "flows/app.xml:3:47: error: Attribute 'pth' is not allowed on <http:request>. Did you mean 'path'?",
        ])
    }

    @Test("a config-ref naming no request config is reported at its value")
    func missingConfig() throws {
        #expect(try Self.messages(#"<flow name="a"><http:request config-ref="apj" path="/x"/></flow>"#) == [
            "flows/app.xml:3:42: error: Referenced component 'apj' must be one of stereotypes [HTTP:REQUEST_CONFIG]. Did you mean 'api'?",
        ])
    }

    @Test("a request without config-ref needs a url")
    func noConfigNoURL() throws {
        #expect(try Self.messages(#"<flow name="a"><http:request path="/x"/></flow>"#) == [
            "flows/app.xml:3:16: error: Element <http:request> needs a config-ref naming an <http:request-config>, or a 'url'.",
        ])
    }

    @Test("url and path together are reported at url")
    func urlAndPath() throws {
        #expect(try Self.messages(#"<flow name="a"><http:request config-ref="api" url="http://h/x" path="/x"/></flow>"#) == [
            "flows/app.xml:3:47: error: Element <http:request> has both 'url' and 'path': give the whole address in 'url', or a 'path' under the config's host and basePath.",
        ])
    }

    @Test("a malformed or reversed status code range is reported at the values attribute")
    func badValues() throws {
        #expect(try Self.messages("""
            <flow name="a"><http:request config-ref="api" path="/x">
            <http:response-validator><http:success-status-code-validator values="200..2x9,404"/></http:response-validator>
            </http:request></flow>
            <flow name="b"><http:request config-ref="api" path="/x">
            <http:response-validator><http:failure-status-code-validator values="500..400"/></http:response-validator>
            </http:request></flow>
            """) == [
            "flows/app.xml:4:70: error: Invalid status code '200..2x9' in values '200..2x9,404': expected status codes (100 to 599) or ranges such as 200..299, separated by commas.",
            "flows/app.xml:7:70: error: Invalid status code range '500..400' in values '500..400': the range ends before it starts.",
        ])
    }

    @Test("a tls:context on an HTTP connection is Mule's init error")
    func tlsWithHTTP() throws {
        #expect(try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#, config: """
            <http:request-config name="api"><http:request-connection host="h">
            <tls:context><tls:trust-store insecure="true"/></tls:context>
            </http:request-connection></http:request-config>
            """) == [
            #"flows/app.xml:3:1: error: TlsContext cannot be configured with protocol HTTP, when using tls:context you must set attribute protocol="HTTPS""#,
        ])
    }

    @Test("an unknown trust store type and a missing trust store file are reported where they are written")
    func trustStores() throws {
        #expect(try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#, config: """
            <http:request-config name="api"><http:request-connection host="h" protocol="HTTPS">
            <tls:context><tls:trust-store path="trust.bks" type="bks" password="secret-pw"/></tls:context>
            </http:request-connection></http:request-config>
            <http:request-config name="other"><http:request-connection host="h" protocol="HTTPS">
            <tls:context><tls:trust-store path="nowhere.p12" type="pkcs12" password="secret-pw"/></tls:context>
            </http:request-connection></http:request-config>
            """) == [
            "flows/app.xml:3:54: error: Trust store type 'bks' is not supported: Conduit reads JKS, JCEKS and PKCS12 stores (type=\"jks\", \"jceks\" or \"pkcs12\") and PEM certificate files (type=\"pem\").",
            "flows/app.xml:6:37: error: Trust store 'nowhere.p12' cannot be read (looked for <app>/nowhere.p12).",
        ])
    }

    @Test("a request on a config without host and without url is reported")
    func noHost() throws {
        #expect(try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#,
                                  config: #"<http:request-config name="api"/>"#) == [
            "flows/app.xml:3:16: error: Element <http:request> has no 'url', and its config 'api' has no host in <http:request-connection>.",
        ])
    }

    @Test("a timeout too large for a time amount is reported, not trapped on")
    func hugeTimeout() throws {
        let messages = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x" responseTimeout="-1"/></flow>"#,
                                         config: #"<http:request-config name="other" responseTimeout="9223372036854775807"><http:request-connection host="h" connectionIdleTimeout="99999999999"/></http:request-config>"#
                                             + "\n" + Self.config)
        #expect(messages == [
            "flows/app.xml:2:52: error: Parameter 'responseTimeout' of <http:request-config> must be at most 2147483647, got 9223372036854775807.",
            "flows/app.xml:2:130: error: Parameter 'connectionIdleTimeout' of <http:request-connection> must be at most 2147483647, got 99999999999.",
            "flows/app.xml:4:74: error: Parameter 'responseTimeout' of <http:request> must be between 0 and 2147483647, got -1.",
        ])
    }

    @Test("bad numbers on the connection are reported with Mule's text")
    func badNumbers() throws {
        let messages = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#,
                                         config: #"<http:request-config name="api" maxResponseBodySize="0"><http:request-connection host="h" maxConnections="0"/></http:request-config>"#)
        #expect(messages == [
            "flows/app.xml:2:54: error: Parameter 'maxResponseBodySize' of <http:request-config> must be at least 1, got 0.",
            "flows/app.xml:2:107: error: The maxConnections parameter only allows positive values or -1 for unlimited concurrent connections.",
        ])
    }

    @Test("a context's key store is for listeners and its trust store for requests: each misuse is reported at the reference")
    func tlsContextReferences() throws {
        let keyStore = HTTPSListenerTests.keyStore
        let messages = try Self.messages("""
            <tls:context name="server"><tls:key-store type="pkcs12" path="\(keyStore)" password="changeit"/></tls:context>
            <tls:context name="client"><tls:trust-store insecure="true"/></tls:context>
            <http:listener-config name="in"><http:listener-connection host="127.0.0.1" port="0" protocol="HTTPS" tlsContext="client"/></http:listener-config>
            <http:request-config name="out"><http:request-connection host="h" protocol="HTTPS" tlsContext="server"/></http:request-config>
            <http:request-config name="plain"><http:request-connection host="h" tlsContext="client"/></http:request-config>
            <flow name="a"><http:request config-ref="api" path="/x"/></flow>
            """)
        #expect(messages == [
            "flows/app.xml:5:114: error: TLS context 'client' has no <tls:key-store>, which an HTTPS listener needs for its certificate.",
            "flows/app.xml:6:96: error: TLS context 'server' has a <tls:key-store> (a client certificate), which Conduit's HTTP requests do not support; give requests a context with only a <tls:trust-store>.",
            #"flows/app.xml:7:69: error: TlsContext cannot be configured with protocol HTTP, when using tls:context you must set attribute protocol="HTTPS""#,
        ])
    }

    @Test("Mule settings Conduit behaves as are accepted; the others are reported, cookies with a warning")
    func muleSettings() throws {
        let accepted = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x" requestStreamingMode="NEVER"/></flow>"#,
                                         config: #"<http:request-config name="api" requestStreamingMode="AUTO" preserveHeadersCase="false" enableCookies="false"><http:request-connection host="h"/></http:request-config>"#)
        #expect(accepted == [])
        let reported = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x" requestStreamingMode="ALWAYS"/></flow>"#,
                                         config: #"<http:request-config name="api" enableCookies="true"><http:request-connection host="h"/></http:request-config>"#)
        #expect(reported == [
            "flows/app.xml:2:48: warning: enableCookies is not implemented: Conduit keeps no cookies between requests, as with enableCookies=\"false\".",
            "flows/app.xml:3:79: error: requestStreamingMode=\"ALWAYS\" is not supported: Conduit sends every body with its Content-Length (Mule's AUTO and NEVER do the same for bodies that are not streams).",
        ])
        let headersCase = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#,
                                            config: #"<http:request-config name="api" preserveHeadersCase="true"><http:request-connection host="h"/></http:request-config>"#)
        #expect(headersCase == [
            "flows/app.xml:2:54: error: preserveHeadersCase=\"true\" is not supported: Conduit gives response header names in lower case (attributes.headers.'content-type').",
        ])
    }

    @Test("an NTLM proxy and nonProxyHosts are reported where they are written")
    func proxies() throws {
        let messages = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#, config: """
            <http:request-config name="api"><http:request-connection host="h"><http:proxy-config>
            <http:proxy host="p" port="3128" nonProxyHosts="localhost"/><http:ntlm-proxy host="p" port="3128" ntlmDomain="d"/>
            </http:proxy-config></http:request-connection></http:request-config>
            """)
        #expect(messages == [
            "flows/app.xml:3:34: error: Parameter 'nonProxyHosts' of <http:proxy> is not supported: every request of the config goes through the proxy; give hosts that must not use it a config without <http:proxy-config>.",
            "flows/app.xml:3:61: error: <http:ntlm-proxy> is not supported: Conduit's requests go through an HTTP proxy (<http:proxy>) with basic credentials only.",
        ])
    }

    @Test("a PKCS12 trust store holding certificates only is reported, not opened (NIOSSL would stop the process)")
    func certificateOnlyPKCS12() throws {
        let trustStore = HTTPSListenerTests.fixtures.appendingPathComponent("localhost-trust.p12").path
        let messages = try Self.messages(#"<flow name="a"><http:request config-ref="api" path="/x"/></flow>"#, config: """
            <http:request-config name="api"><http:request-connection host="h" protocol="HTTPS">
            <tls:context><tls:trust-store type="pkcs12" path="\(trustStore)" password="changeit"/></tls:context>
            </http:request-connection></http:request-config>
            """)
        #expect(messages == [
            "flows/app.xml:3:51: error: Trust store '\(trustStore)' holds certificates only, a PKCS12 file Conduit cannot read: convert it to PEM (openssl pkcs12 -in \(trustStore) -nokeys -out truststore.pem) and use type=\"pem\".",
        ])
    }
}

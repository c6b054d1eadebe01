import FlowCore
import FlowModel
@testable import HTTPConnector
import Testing
import FlowEngine
import Foundation
import NIOSSL

@Suite("TLS contexts of HTTPS listeners")
struct TLSContextTests {
    static let muleStart = #"<mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http" xmlns:tls="http://www.mulesoft.org/schema/mule/tls">"#

    /// An app whose `flows/app.xml` holds `body` from line 2, with the PKCS12 fixture as
    /// `keystore.p12` beside `flows/` (the loader opens it).
    static func app(_ body: String) throws -> AppDirectory {
        let app = try AppDirectory(["flows/app.xml": "\(muleStart)\n\(body)\n</mule>\n"])
        try FileManager.default.copyItem(atPath: HTTPSListenerTests.keyStore, toPath: AppDefinition.filePath("keystore.p12", in: app.directory))
        return app
    }

    static func listener(connection: String, extra: String = "") -> String {
        """
        \(extra)<http:listener-config name="secure">
          \(connection)
        </http:listener-config>
        """
    }

    @Test("a relative key store path is taken from the app directory; alias is reported as unused with PKCS12")
    func relativePathAndAlias() throws {
        let app = try Self.app(Self.listener(connection: """
            <http:listener-connection host="127.0.0.1" port="0" protocol="HTTPS"><tls:context><tls:key-store type="PKCS12" path="keystore.p12" password="changeit" alias="server"/></tls:context></http:listener-connection>
            """))
        let result = app.prepare()
        #expect(result.diagnostics.map(\.description) == [
            "flows/app.xml:3:154: warning: Parameter 'alias' of <tls:key-store> is not used with a PKCS12 store: Conduit serves its one private key.",
        ])
        let configuration = try #require(result.runtime?.configuration(named: "secure") as? HTTPListenerConfiguration)
        let tls = try #require(configuration.definition.tls)
        #expect(tls.keyStorePath == AppDefinition.filePath("keystore.p12", in: app.directory))
        #expect(tls.identity.certificateChain == [try NIOSSLCertificate.fromPEMFile(HTTPSListenerTests.certificate)].flatMap { $0 })
    }

    @Test("misuses are reported once each, at their place", arguments: [
        (listener(connection: #"<http:listener-connection host="127.0.0.1" port="0" protocol="HTTPS" tlsContext="ctx"><tls:context><tls:key-store type="pkcs12" path="keystore.p12" password="changeit"/></tls:context></http:listener-connection>"#,
                  extra: #"<tls:context name="ctx"><tls:key-store type="pkcs12" path="keystore.p12" password="changeit"/></tls:context>"# + "\n"),
         "flows/app.xml:4:72: error: Element <http:listener-connection> has both a tlsContext attribute and a <tls:context>; keep one."),
        (listener(connection: #"<http:listener-connection host="127.0.0.1" port="0" tlsContext="ctx"/>"#,
                  extra: #"<tls:context name="ctx"><tls:key-store type="pkcs12" path="keystore.p12" password="changeit"/></tls:context>"# + "\n"),
         "flows/app.xml:4:55: error: Parameter 'tlsContext' needs protocol=\"HTTPS\" on <http:listener-connection>; with HTTP it would be ignored."),
        (listener(connection: #"<http:listener-connection host="127.0.0.1" port="0" protocol="HTTPS"><tls:context><tls:key-store type="pkcs12" path="keystore.p12"/></tls:context></http:listener-connection>"#),
         "flows/app.xml:3:85: error: Element <tls:key-store> is missing required parameter 'password' (a key store's private key is always encrypted)."),
        (listener(connection: #"<http:listener-connection host="127.0.0.1" port="0" protocol="HTTPS"><tls:context/></http:listener-connection>"#),
         "flows/app.xml:3:72: error: Element <tls:context> is missing required child <tls:key-store>."),
        (#"<tls:context><tls:key-store type="pkcs12" path="keystore.p12" password="changeit"/></tls:context>"#,
         "flows/app.xml:2:1: error: Element <tls:context> at the top level is missing required parameter 'name'."),
    ])
    func misuses(body: String, message: String) throws {
        let messages = try Self.app(body).messages()
        #expect(messages == [message])
    }
}

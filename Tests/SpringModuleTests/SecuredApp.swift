import AsyncHTTPClient
import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging
import NIOCore
import NIOHTTP1
import SpringModule

/// A Mule project (`src/main/mule/app.xml`, beans files under `src/main/resources`) with the HTTP
/// and Spring modules, loaded and built the way `conduit run` does, and served over loopback.
struct SecuredApp {
    let runtime: Runtime
    let served: RuntimeHarness.Served
    let logs: LogCapture

    static let connectors: [any Connector] = HTTPFlowConnector.all + [SpringConnector()]

    /// On one line, so that line 3 of `app.xml` is the body's first.
    static let namespaces = #"xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http" xmlns:spring="http://www.mulesoft.org/schema/mule/spring""#

    /// The beans file most tests use: `admin` (ROLE_ADMIN, password from `${pass}`) and `viewer`
    /// (ROLE_VIEWER), both `{noop}`, and `hashed` whose password `secret` is a `{bcrypt}` hash.
    static let beans = beansFile("""
          <ss:authentication-manager alias="authenticationManager">
            <ss:authentication-provider>
              <ss:user-service id="userService">
                <ss:user name="admin" password="{noop}${pass}" authorities="ROLE_ADMIN" />
                <ss:user name="viewer" password="{noop}look" authorities="ROLE_VIEWER, ROLE_GUEST" />
                <ss:user name="hashed" password="{bcrypt}$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i" authorities="ROLE_ADMIN" />
              </ss:user-service>
            </ss:authentication-provider>
          </ss:authentication-manager>
        """)

    /// A Spring beans document holding `body`.
    static func beansFile(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <beans xmlns="http://www.springframework.org/schema/beans"
          xmlns:ss="http://www.springframework.org/schema/security">
        \(body)
        </beans>
        """
    }

    /// The security manager most tests use, over `beans`.
    static let securityManager = """
        <spring:config name="Spring_Config" files="beans.xml" />
        <spring:security-manager>
          <spring:delegate-security-providers>
            <spring:delegate-security-provider name="memory-provider" delegate-ref="authenticationManager">
              <spring:security-property name="team" value="ops" />
            </spring:delegate-security-provider>
          </spring:delegate-security-providers>
        </spring:security-manager>
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        """

    /// Writes the project: `app.xml` holding `body` inside `<mule>`, and `resources` (path under
    /// `src/main/resources` → text); `pass` is defined as a property.
    static func project(_ body: String, resources: [String: String]) throws -> TemporaryAppDirectory {
        var files = ["src/main/mule/app.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <mule \(namespaces)>
            \(body)
            </mule>
            """]
        for (path, text) in resources { files["src/main/resources/\(path)"] = text }
        return try TemporaryAppDirectory(files, prefix: "conduit-spring")
    }

    /// Every problem loading and building the project finds, as `conduit validate` prints them.
    static func diagnostics(_ body: String, resources: [String: String] = ["beans.xml": beans]) throws -> [String] {
        let directory = try project(body, resources: resources)
        let loaded = AppLoader.load(LoadOptions(appDirectory: directory.path, defines: [("pass", "s3cret")],
                                                connectors: connectors.map(\.declaration)))
        return Runtime.prepare(loaded, connectors: connectors,
                               options: RuntimeOptions(logHandlerFactory: { _ in SwiftLogNoOpLogHandler() })).diagnostics.map(\.description)
    }

    /// Serves the project for the duration of `test`.
    static func serve(_ body: String, resources: [String: String] = ["beans.xml": beans],
                      _ test: (SecuredApp) async throws -> Void) async throws {
        let directory = try project(body, resources: resources)
        let logs = LogCapture()
        let loaded = AppLoader.load(LoadOptions(appDirectory: directory.path, defines: [("pass", "s3cret")],
                                                connectors: connectors.map(\.declaration)))
        let prepared = Runtime.prepare(loaded, connectors: connectors, options: RuntimeOptions(logHandlerFactory: logs.factory))
        guard let runtime = prepared.runtime else {
            throw TestApp.LoadFailure(description: prepared.diagnostics.map(\.description).joined(separator: "\n"))
        }
        try await RuntimeHarness.serve(runtime) { served in
            try await test(SecuredApp(runtime: runtime, served: served, logs: logs))
        }
    }

    /// Sends a GET to `path` with `headers`.
    func get(_ path: String, headers: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(served.listeners[0].port)" + path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }

    /// `Authorization: Basic …` for `user` and `password`.
    static func basic(_ user: String, _ password: String) -> (String, String) {
        ("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
    }
}

/// A response read whole.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: String

    func header(_ name: String) -> String? { headers.first(name: name) }
}

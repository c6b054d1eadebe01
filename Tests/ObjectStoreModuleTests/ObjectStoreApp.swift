import AsyncHTTPClient
import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import NIOCore
import NIOHTTP1
import ObjectStoreModule

/// Test apps using the `os:` namespace, with their persistent stores in a directory of their own
/// (a ``FileKeyValueStore`` registered as the app's key-value store, as the executable would).
enum ObjectStoreApp {
    static let namespaces = "xmlns:os=\"\(ObjectStoreDeclaration.namespaceURI)\""

    /// A new directory for persistent stores.
    static func storeDirectory() -> String { TestScratch.path("conduit-os") }

    /// The app whose top level is `body` (declare `os:` on elements with ``namespaces``), built
    /// with its persistent stores in `directory`, or with `services` (a cluster node's) when given.
    static func runtime(_ body: String, directory: String = storeDirectory(), logs: LogCapture = LogCapture(),
                        observer: (any RuntimeObserver)? = nil, services: ServiceRegistry? = nil) throws -> Runtime {
        let result = try TestApp.load(body, connectors: [ObjectStoreConnector()])
        var options = RuntimeOptions(logHandlerFactory: logs.factory, observer: observer)
        if let services {
            options.services = services
        } else {
            options.services[KeyValueStoreKey.self] = FileKeyValueStore(directory: directory)
        }
        let prepared = Runtime.prepare(result, connectors: TestApp.standardConnectors + [ObjectStoreConnector()], options: options)
        guard let runtime = prepared.runtime else {
            throw TestApp.LoadFailure(description: prepared.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return runtime
    }

    /// Every diagnostic of such an app, as `conduit validate` prints them.
    static func diagnostics(_ body: String) throws -> [String] {
        try TestApp.diagnostics(body, connectors: [ObjectStoreConnector()]).map(\.description)
    }

    /// The error of a failed run as `TYPE: description`, nil when the run succeeded.
    static func failure(_ outcome: FlowOutcome) -> String? {
        outcome.failure.map { "\($0.error.type): \($0.error.description)" }
    }

    /// Serves `runtime` on loopback for `body`, handing it the listener's origin.
    static func serve(_ runtime: Runtime, _ body: (String) async throws -> Void) async throws {
        try await RuntimeHarness.serve(runtime) { served in
            try await body("http://127.0.0.1:\(served.listeners[0].port)")
        }
    }

    /// `http:listener-config` on a free loopback port.
    static let listenerConfig = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        """

    /// Sends a request; the status and body.
    static func send(_ method: HTTPMethod, _ url: String, body: String? = nil) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let collected = try await response.body.collect(upTo: 1024 * 1024)
        return (Int(response.status.code), String(buffer: collected))
    }
}

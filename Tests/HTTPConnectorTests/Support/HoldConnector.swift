import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowModel
import HTTPConnector
import Foundation

/// A connector for listener tests:
/// - `test:config name [listenerConfig]` — with `listenerConfig`, serves `GET /hello/{who}` on it
///   (a connector endpoint) answering `hello <who> via <listener base URL>`, the URL the
///   start context gave (never the request's `Host`);
/// - `test:hold config-ref` — reports that a request arrived, then waits until the test opens
///   the latch; returns `"released"`.
final class HoldConnector: Connector, @unchecked Sendable {
    static let namespaceURI = TestApp.testNamespaceURI

    let latch = Latch()
    let arrivals: AsyncStream<Void>
    private let arrived: AsyncStream<Void>.Continuation

    init() {
        (arrivals, arrived) = AsyncStream<Void>.makeStream()
    }

    let declaration = ConnectorDeclaration(
        prefix: "test", namespaceURI: namespaceURI, errorNamespace: "TEST",
        errorTypes: [("CONNECTIVITY", "MULE:CONNECTIVITY")],
        elements: [
            ElementDeclaration("config", role: .global(stereotype: "TEST:CONFIG"), parameters: [
                ParameterDeclaration("name", required: true),
                ParameterDeclaration("listenerConfig", kind: .reference(stereotype: "HTTP:LISTENER_CONFIG")),
            ]),
            ElementDeclaration("hold", role: .operation, parameters: [
                ParameterDeclaration("config-ref", required: true, kind: .reference(stereotype: "TEST:CONFIG")),
            ]),
        ])

    func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        let name = definition.parameters["name"]?.text ?? "unnamed"
        let listener = definition.parameters["listenerConfig"]?.text
        let address = ListenerAddress()
        var host: (any HTTPEndpointHost)?
        if let listener {
            guard let found = context.configuration(named: listener) as? any HTTPEndpointHost else {
                throw DiagnosticList([.error("no listener '\(listener)'", at: definition.location)])
            }
            found.register(HTTPEndpoint(path: "/hello/{who}", methods: ["GET"], location: definition.location) { request in
                let who = request.attributes["uriParams"]?["who"]?.stringValue ?? "?"
                return .text(200, "hello \(who) via \(await address.url ?? "an unknown address")")
            })
            host = found
        }
        return Configuration(name: name, host: host, address: address)
    }

    func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        Hold(connector: self)
    }

    /// Where the config's listener ended up, as its listener configuration tells it at start.
    actor ListenerAddress {
        var url: String?

        func set(_ url: String?) { self.url = url }
    }

    struct Configuration: ConnectorConfiguration {
        let name: String
        let host: (any HTTPEndpointHost)?
        let address: ListenerAddress

        func start() async throws {
            if let host { await address.set(host.reachableBaseURL) }
        }
    }

    struct Hold: ConnectorOperation {
        let connector: HoldConnector

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            connector.arrived.yield()
            await connector.latch.wait()
            return Message(payload: "released")
        }
    }
}

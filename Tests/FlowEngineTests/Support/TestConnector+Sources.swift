import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowModel
import Foundation

extension TestConnector {
    /// Builds `test:source`: a source the test fires events from once the engine started it.
    func makeSource(_ definition: ComponentDefinition, flow: SourceFlow, configuration: (any ConnectorConfiguration)?,
                    context: ConnectorBuildContext) throws(DiagnosticList) -> any FlowSource {
        let name = definition.parameters["name"]?.text ?? "source"
        let source = TestSource(name: name, flow: flow, connector: self)
        withLock { sourcesByName[name] = source }
        return source
    }

    /// The `test:source` called `name`.
    func source(named name: String) -> TestSource? { withLock { sourcesByName[name] } }

    /// Lets every `test:wait` for `key` finish (now and later).
    func release(_ key: String) async { await latch(key).open() }

    /// The latch of `key`, made on first use.
    func latch(_ key: String) -> Latch {
        withLock {
            if let latch = latchesByKey[key] { return latch }
            let latch = Latch()
            latchesByKey[key] = latch
            return latch
        }
    }

    /// `test:wait`: records `wait <key>`, waits for ``release(_:)``, records `waited <key>`.
    struct Wait: ConnectorOperation {
        let connector: TestConnector
        let key: String

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            connector.record("wait \(key)")
            await connector.latch(key).wait()
            connector.record("waited \(key)")
            return Message(payload: .string("waited \(key)"))
        }
    }
}

/// A message source driven by the test: ``fire(_:)`` runs an event through its flow while the
/// engine has it started.
final class TestSource: FlowSource, @unchecked Sendable {
    let name: String
    let flow: SourceFlow
    private let connector: TestConnector
    private let lock = NSLock()
    // Guarded by `lock`.
    private var running = false

    init(name: String, flow: SourceFlow, connector: TestConnector) {
        self.name = name
        self.flow = flow
        self.connector = connector
    }

    func start() async throws {
        lock.withLock { running = true }
        connector.record("source start \(name)")
    }

    func stop() async {
        lock.withLock { running = false }
        connector.record("source stop \(name)")
    }

    /// Runs an event with `payload` through the flow on its own task; nil when the source is not
    /// started (a source stops feeding events once stopped).
    func fire(_ payload: Value) -> Task<FlowOutcome, Never>? {
        guard lock.withLock({ running }) else { return nil }
        let flow = flow
        return Task { await flow.run(Event(payload: payload, correlationId: "fired-\(UUID().uuidString)")) }
    }
}

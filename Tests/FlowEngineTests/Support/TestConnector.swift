import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import FlowModel
import Foundation

/// A tiny connector that exercises the engine's connector seam:
/// - `test:config name greeting health` — a configuration that records its starts and shutdowns
///   and reports `health` (`up`, `degraded:<reason>` or `down:<reason>`; default up);
/// - `test:greet config-ref name` — returns `"<greeting>, <name>"` with attributes `{config}`;
/// - `test:fail config-ref type message` — fails with `TEST:<type>` and an error message;
/// - `test:flaky config-ref key failures` — fails with `TEST:CONNECTIVITY` the first
///   `failures` times it runs for `key`, then returns the number of calls;
/// - `test:source name` — a message source the test fires events from (``source(named:)``);
/// - `test:wait config-ref key` — waits until the test calls ``release(_:)`` for `key`.
/// - `test:sleep config-ref millis` — sleeps `millis` milliseconds, then leaves the message as it is.
/// - `test:fields config-ref a b c d e` — evaluates the parameters written (in that order) both
///   together (``ParameterList``) and one by one, and returns `{together, oneByOne}`: each the
///   array of values, or the failure's message.
/// - `test:pages config-ref key pages pageSize failOnPage` — a paged result of the numbers 1…
///   `pages × pageSize`, a page at a time; records `fetch <page> after <n>` (n: the calls of
///   `test:flaky key` so far) and fails page `failOnPage` with `TEST:CONNECTIVITY`.
final class TestConnector: Connector, @unchecked Sendable {
    static let namespaceURI = TestApp.testNamespaceURI

    private let lock = NSLock()
    private var calls: [String: Int] = [:]
    private var recorded: [String] = []
    /// The `test:source`s built, by name (guarded by the lock).
    var sourcesByName: [String: TestSource] = [:]
    /// The latches of `test:wait`, by key (guarded by the lock).
    var latchesByKey: [String: Latch] = [:]

    /// Runs `body` under the connector's lock.
    func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    let declaration = ConnectorDeclaration(
        prefix: "test", namespaceURI: namespaceURI, errorNamespace: "TEST",
        errorTypes: [("CONNECTIVITY", "MULE:CONNECTIVITY"), ("NOT_FOUND", nil), ("GONE", "NOT_FOUND")],
        elements: [
            ElementDeclaration("config", role: .global(stereotype: "TEST:CONFIG"), parameters: [
                ParameterDeclaration("name", required: true),
                ParameterDeclaration("greeting"),
                ParameterDeclaration("health"),
            ]),
            ElementDeclaration("greet", role: .operation, parameters: common + [ParameterDeclaration("name", required: true, kind: .expression)]),
            ElementDeclaration("fail", role: .operation, parameters: common + [
                ParameterDeclaration("type", required: true),
                ParameterDeclaration("message", required: true, kind: .expression),
                ParameterDeclaration("cause"),
            ]),
            ElementDeclaration("flaky", role: .operation, parameters: common + [
                ParameterDeclaration("key", required: true),
                ParameterDeclaration("failures", required: true, kind: .integer),
            ]),
            ElementDeclaration("source", role: .source, parameters: [ParameterDeclaration("name", required: true)]),
            ElementDeclaration("wait", role: .operation, parameters: common + [ParameterDeclaration("key", required: true)]),
            ElementDeclaration("sleep", role: .operation, parameters: common + [ParameterDeclaration("millis", required: true, kind: .integer)]),
            ElementDeclaration("fields", role: .operation, parameters: common + Fields.names.map { ParameterDeclaration($0, kind: .expression) }),
            ElementDeclaration("pages", role: .operation, parameters: common + [
                ParameterDeclaration("key", required: true),
                ParameterDeclaration("pages", required: true, kind: .integer),
                ParameterDeclaration("pageSize", required: true, kind: .integer),
                ParameterDeclaration("failOnPage", kind: .integer),
            ]),
        ])

    private static let common: [ParameterDeclaration] = [
        ParameterDeclaration("config-ref", required: true, kind: .reference(stereotype: "TEST:CONFIG")),
        ParameterDeclaration("target"),
        ParameterDeclaration("targetValue", kind: .expression),
    ]

    /// What happened so far, in order.
    var lifecycle: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func record(_ entry: String) {
        lock.lock()
        recorded.append(entry)
        lock.unlock()
    }

    /// The calls made for `key` so far (call under the lock).
    func callCount(_ key: String) -> Int { calls[key] ?? 0 }

    func nextCall(_ key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        calls[key, default: 0] += 1
        return calls[key]!
    }

    func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        guard let name = definition.parameters["name"]?.text else {
            throw DiagnosticList([.error("test:config needs a name", at: definition.location)])
        }
        return Configuration(name: name, greeting: definition.parameters["greeting"]?.text ?? "Hello", connector: self,
                             health: Self.health(definition.parameters["health"]?.text ?? "up"))
    }

    func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        guard let configuration = configuration as? Configuration else {
            throw DiagnosticList([.error("test operations need a test:config", at: definition.location)])
        }
        switch definition.name {
        case "greet":
            guard let name = definition.parameters["name"] else { break }
            return Greet(configuration: configuration, name: name)
        case "fail":
            guard let type = definition.parameters["type"]?.text, let message = definition.parameters["message"] else { break }
            return Fail(type: type, message: message, cause: definition.parameters["cause"]?.text)
        case "flaky":
            guard let key = definition.parameters["key"]?.text, let failures = definition.parameters["failures"] else { break }
            return Flaky(connector: self, key: key, failures: failures)
        case "wait":
            guard let key = definition.parameters["key"]?.text else { break }
            return Wait(connector: self, key: key)
        case "sleep":
            guard let millis = definition.parameters["millis"] else { break }
            return Sleep(millis: millis)
        case "fields":
            return Fields(list: ParameterList(Fields.names.compactMap { definition.parameters[$0] }))
        case "pages":
            guard let key = definition.parameters["key"]?.text, let pages = definition.parameters["pages"].flatMap({ Int($0.text) }),
                  let pageSize = definition.parameters["pageSize"].flatMap({ Int($0.text) }) else { break }
            let failOnPage = definition.parameters["failOnPage"].flatMap { Int($0.text) }
            return PagesOperation(connector: self, key: key, pages: pages, pageSize: pageSize, failOnPage: failOnPage)
        default:
            break
        }
        throw DiagnosticList([.error("unsupported test operation \(definition.qualifiedName)", at: definition.location)])
    }

    /// `up`, `degraded:<reason>` or `down:<reason>`.
    private static func health(_ text: String) -> ConfigurationHealth {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first {
        case "down": return .down(reason: parts.last ?? "")
        case "degraded": return .degraded(reason: parts.last ?? "")
        default: return .up
        }
    }

    struct Configuration: ConnectorConfiguration {
        let name: String
        let greeting: String
        let connector: TestConnector
        let health: ConfigurationHealth

        func start() async throws { connector.record("start \(name)") }
        func shutdown() async { connector.record("shutdown \(name)") }
    }

    struct Greet: ConnectorOperation {
        let configuration: Configuration
        let name: ParameterValue

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            let who = try input.evaluate(name)
            return Message(payload: .string("\(configuration.greeting), \(who.stringValue ?? "?")"),
                           attributes: ["config": .string(configuration.name)])
        }
    }

    struct Fail: ConnectorOperation {
        let type: String
        let message: ParameterValue
        /// The underlying failure's message, if the error is to have one.
        let cause: String?

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            let text = try input.evaluate(message)
            throw ConnectorError(type: ErrorTypeName(namespace: "TEST", identifier: type), message: text.stringValue ?? "failed",
                                 errorMessage: Message(payload: ["reason": text], attributes: ["statusCode": 404]),
                                 cause: cause.map { ErrorCause(message: $0) })
        }
    }

    struct Flaky: ConnectorOperation {
        let connector: TestConnector
        let key: String
        let failures: ParameterValue

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            let limit = try input.evaluate(failures)
            let call = connector.nextCall(key)
            if case .int(let n) = limit, call <= n {
                throw ConnectorError(type: ErrorTypeName(namespace: "TEST", identifier: "CONNECTIVITY"), message: "call \(call) failed")
            }
            return Message(payload: .int(Int64(call)))
        }
    }

    struct Fields: ConnectorOperation {
        static let names = ["a", "b", "c", "d", "e"]
        let list: ParameterList

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            let together: Value
            do {
                together = .array(ValueArray(try input.evaluate(list)))
            } catch {
                together = .string(error.message)
            }
            var oneByOne: Value
            do {
                var values: [Value] = []
                for parameter in list.parameters { values.append(try input.evaluate(parameter)) }
                oneByOne = .array(ValueArray(values))
            } catch {
                oneByOne = .string(error.message)
            }
            return Message(payload: ["together": together, "oneByOne": oneByOne])
        }
    }

    struct Sleep: ConnectorOperation {
        let millis: ParameterValue

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            if case .int(let millis) = try input.evaluate(millis) {
                try? await Task.sleep(for: .milliseconds(millis))
            }
            return input.message
        }
    }

    /// `test:pages`: a ``NumberPages`` result.
    struct PagesOperation: ConnectorOperation {
        let connector: TestConnector
        let key: String
        let pages: Int
        let pageSize: Int
        let failOnPage: Int?

        func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
            Message(payload: TypedValue(pages: NumberPages(operation: self)), attributes: ["pages": .int(Int64(pages))])
        }
    }

    /// The numbers 1… in pages, each fetched (and recorded) only when asked for.
    final class NumberPages: PagedValues {
        let operation: PagesOperation

        init(operation: PagesOperation) { self.operation = operation }

        func makePageIterator() -> any PageIterator { Iterator(operation) }

        final class Iterator: PageIterator {
            let operation: PagesOperation
            var page = 0

            init(_ operation: PagesOperation) { self.operation = operation }

            func nextPage() async throws -> [Value]? {
                guard page < operation.pages else { return nil }
                page += 1
                let seen = operation.connector.withLock { operation.connector.callCount(operation.key) }
                operation.connector.record("fetch \(page) after \(seen)")
                if page == operation.failOnPage {
                    throw ConnectorError(type: ErrorTypeName(namespace: "TEST", identifier: "CONNECTIVITY"), message: "page \(page) failed")
                }
                let start = (page - 1) * operation.pageSize
                return (start + 1...start + operation.pageSize).map { .int(Int64($0)) }
            }
        }
    }
}

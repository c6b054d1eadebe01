import FlowCore
import FlowModel

/// Mule's `<reconnect frequency count>` / `<reconnect-forever frequency>`: how often, and how many
/// times, a connection that could not be established is tried again (defaults: every 2000 ms,
/// 2 times). `blocking` is accepted; Conduit's retries always wait inside the operation.
public struct ReconnectionStrategy: Sendable, Hashable {
    /// The pause before each new attempt.
    public var frequency: Duration
    /// How many more attempts after the first; nil for ever.
    public var count: Int?

    /// A strategy.
    public init(frequency: Duration, count: Int?) {
        self.frequency = frequency
        self.count = count
    }

    /// ``frequency`` in milliseconds, as Mule writes it.
    public var frequencyMilliseconds: Int64 {
        frequency.components.seconds * 1000 + frequency.components.attoseconds / 1_000_000_000_000_000
    }

    /// Whether another attempt is due after `retries` retries.
    public func allowsRetry(after retries: Int) -> Bool {
        count.map { retries < $0 } ?? true
    }

    /// The strategy of a `<reconnect>` or `<reconnect-forever>` element (core namespace), located
    /// errors for values Mule refuses; nil for any other element.
    public static func read(_ element: ComponentDefinition) throws(DiagnosticList) -> ReconnectionStrategy? {
        guard element.namespace == "MULE", element.name == "reconnect" || element.name == "reconnect-forever" else { return nil }
        var problems: [Diagnostic] = []
        func number(_ name: String, default value: Int, minimum: Int) -> Int {
            guard let parameter = element.parameters[name] else { return value }
            guard let literal = parameter.value.literalInt else {
                problems.append(.error("Parameter '\(name)' of <\(element.name)> must be a whole number, not an expression.", at: parameter.valueLocation))
                return value
            }
            guard literal >= minimum, literal <= 86_400_000 else {
                problems.append(.error("Parameter '\(name)' of <\(element.name)> must be between \(minimum) and 86400000, got \(literal).",
                                       at: parameter.valueLocation))
                return value
            }
            return literal
        }
        let frequency = number("frequency", default: 2000, minimum: 0)
        let count = element.name == "reconnect" ? number("count", default: 2, minimum: 0) : nil
        if let blocking = element.parameters["blocking"], blocking.value.literalBool == nil {
            problems.append(.error("Parameter 'blocking' of <\(element.name)> must be true or false, not an expression.", at: blocking.valueLocation))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return ReconnectionStrategy(frequency: .milliseconds(frequency), count: count)
    }

    /// The strategy of a connection provider's `<reconnection>` child, if it has one.
    public static func read(connection: ComponentDefinition?) throws(DiagnosticList) -> ReconnectionStrategy? {
        guard let reconnection = connection?.children.first(where: { $0.namespace == "MULE" && $0.name == "reconnection" }) else { return nil }
        if let failsDeployment = reconnection.parameters["failsDeployment"], failsDeployment.value.literalBool == nil {
            throw DiagnosticList([.error("Parameter 'failsDeployment' of <reconnection> must be true or false, not an expression.",
                                         at: failsDeployment.valueLocation)])
        }
        let strategies = reconnection.children
        if strategies.count > 1 {
            throw DiagnosticList([.error("Element <reconnection> takes one <reconnect> or <reconnect-forever>, found \(strategies.count).",
                                         at: strategies[1].location)])
        }
        return try strategies.first.flatMap { child throws(DiagnosticList) in try read(child) }
    }
}

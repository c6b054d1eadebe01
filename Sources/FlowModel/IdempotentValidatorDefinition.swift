import FlowCore

/// An `<idempotent-message-validator>` as written: how it identifies a message and where it
/// remembers the ids it has seen.
public struct IdempotentValidatorDefinition: Sendable {
    /// `idExpression` (Mule's default: `#[correlationId]`).
    public let idExpression: ParameterValue?
    /// `valueExpression`, stored under the id (Mule's default: `#[correlationId]`).
    public let valueExpression: ParameterValue?
    /// `objectStore`: the name of an `os:object-store`.
    public let objectStore: ParameterValue?
    /// An inline `<os:private-object-store>`.
    public let privateStore: ComponentDefinition?

    public init(idExpression: ParameterValue?, valueExpression: ParameterValue?, objectStore: ParameterValue?,
                privateStore: ComponentDefinition?) {
        self.idExpression = idExpression
        self.valueExpression = valueExpression
        self.objectStore = objectStore
        self.privateStore = privateStore
    }
}

import FlowCore

/// An `<error-handler>`: inline in a flow or `try`, global (with a `name`), or a reference (`ref`).
public struct ErrorHandlerDefinition: Sendable {
    public let location: SourceLocation
    /// Set for a global handler.
    public let name: String?
    /// Set for `<error-handler ref="…"/>`; the handlers are then the referenced handler's.
    public let ref: String?
    /// The `on-error-*` entries in document order.
    public let handlers: [OnErrorDefinition]

    public init(location: SourceLocation, name: String?, ref: String?, handlers: [OnErrorDefinition]) {
        self.location = location
        self.name = name
        self.ref = ref
        self.handlers = handlers
    }
}

/// One `on-error-continue` or `on-error-propagate`.
public struct OnErrorDefinition: Sendable {
    /// Whether the handler turns the error into a success or rethrows it.
    public enum Kind: String, Sendable {
        case `continue` = "on-error-continue"
        case propagate = "on-error-propagate"
    }

    public let location: SourceLocation
    public let kind: Kind
    /// The types listed in `type`, resolved; empty when `type` is absent.
    public let types: [ErrorType]
    /// `when`, compiled.
    public let condition: ParameterValue?
    public let logException: Bool
    public let processors: [ProcessorDefinition]
    /// Whether `type` named errors of a module Conduit does not implement (`DB:CONNECTIVITY`),
    /// which ``types`` leaves out: such a handler does not accept every error.
    public let namesUnsupportedTypes: Bool

    public init(location: SourceLocation, kind: Kind, types: [ErrorType], condition: ParameterValue?, logException: Bool,
                processors: [ProcessorDefinition], namesUnsupportedTypes: Bool = false) {
        self.location = location
        self.kind = kind
        self.types = types
        self.condition = condition
        self.logException = logException
        self.processors = processors
        self.namesUnsupportedTypes = namesUnsupportedTypes
    }

    /// Whether the handler accepts every error (no `type` and no `when`, or `type="ANY"`).
    public var acceptsAll: Bool {
        condition == nil && ((types.isEmpty && !namesUnsupportedTypes) || types.contains { $0.namespace == "MULE" && $0.identifier == "ANY" })
    }
}

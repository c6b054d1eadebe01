/// All error types an app can raise or handle: Mule's core tree, the types connectors register,
/// and custom namespaces declared by `raise-error`.
///
/// Built while the app loads, then read concurrently.
public struct ErrorTypeRepository: Sendable {
    private var types: [ErrorTypeName: ErrorType] = [:]
    /// Namespaces owned by connectors; `raise-error` may not use them.
    public private(set) var connectorNamespaces: Set<String> = ["MULE"]

    /// A repository holding Mule's core hierarchy (mule-semantics §3.1).
    public init() {
        let any = add("MULE", "ANY", parent: nil)
        for id in ["TRANSFORMATION", "EXPRESSION", "VALIDATION", "REDELIVERY_EXHAUSTED", "CONNECTIVITY",
                   "ROUTING", "SECURITY", "STREAM_MAXIMUM_SIZE_EXCEEDED", "TRANSACTION", "TIMEOUT", "UNKNOWN", "SOURCE"] {
            add("MULE", id, parent: any)
        }
        add("MULE", "DUPLICATE_MESSAGE", parent: core("VALIDATION"))
        add("MULE", "RETRY_EXHAUSTED", parent: core("CONNECTIVITY"))
        add("MULE", "COMPOSITE_ROUTING", parent: core("ROUTING"))
        add("MULE", "CLIENT_SECURITY", parent: core("SECURITY"))
        add("MULE", "SERVER_SECURITY", parent: core("SECURITY"))
        add("MULE", "NOT_PERMITTED", parent: core("SERVER_SECURITY"))
        add("MULE", "SOURCE_RESPONSE", parent: core("SOURCE"))
        add("MULE", "SOURCE_RESPONSE_GENERATE", parent: core("SOURCE_RESPONSE"))
        add("MULE", "SOURCE_RESPONSE_SEND", parent: core("SOURCE_RESPONSE"))
        add("MULE", "SOURCE_ERROR_RESPONSE_GENERATE", parent: core("SOURCE"))
        add("MULE", "SOURCE_ERROR_RESPONSE_SEND", parent: core("SOURCE"))
        let critical = add("MULE", "CRITICAL", parent: nil)
        add("MULE", "OVERLOAD", parent: critical)
        add("MULE", "FLOW_BACK_PRESSURE", parent: core("OVERLOAD"))
        add("MULE", "FATAL", parent: critical)
    }

    /// The core type `MULE:<identifier>`; traps if it is not one of the core types above.
    public func core(_ identifier: String) -> ErrorType {
        guard let type = types[ErrorTypeName(namespace: "MULE", identifier: identifier)] else {
            preconditionFailure("MULE:\(identifier) is not a core error type")
        }
        return type
    }

    /// The type named `name`, if it is known.
    public func lookup(_ name: ErrorTypeName) -> ErrorType? { types[name] }

    /// The type written as `text` (`NS:ID` or `ID`), if it is known.
    public func lookup(_ text: String) -> ErrorType? {
        ErrorTypeName(parsing: text).flatMap { types[$0] }
    }

    /// Every known type.
    public var allTypes: [ErrorType] { Array(types.values) }

    /// Adds (or returns the existing) type `namespace:identifier`.
    @discardableResult
    public mutating func add(_ namespace: String, _ identifier: String, parent: ErrorType?) -> ErrorType {
        let name = ErrorTypeName(namespace: namespace, identifier: identifier)
        if let existing = types[name] { return existing }
        let type = ErrorType(namespace: name.namespace, identifier: name.identifier, parent: parent)
        types[name] = type
        return type
    }

    /// Registers a connector's namespace and its types, given as `(identifier, parent)` pairs in
    /// dependency order; a nil parent means `MULE:ANY`. Parents are looked up first in the
    /// connector's own namespace, then as written (`MULE:CONNECTIVITY`).
    public mutating func registerConnector(namespace: String, types declared: [(String, String?)]) {
        let ns = namespace.uppercased()
        connectorNamespaces.insert(ns)
        for (identifier, parentText) in declared {
            var parent = core("ANY")
            if let parentText {
                let own = ErrorTypeName(namespace: ns, identifier: parentText)
                if !parentText.contains(":"), let sibling = types[own] {
                    parent = sibling
                } else if let found = lookup(parentText) {
                    parent = found
                } else {
                    preconditionFailure("parent \(parentText) of \(ns):\(identifier) is not registered yet")
                }
            }
            add(ns, identifier, parent: parent)
        }
    }

    /// Declares a custom namespace type used by `raise-error` (parent `MULE:ANY`).
    @discardableResult
    public mutating func declareCustom(_ name: ErrorTypeName) -> ErrorType {
        add(name.namespace, name.identifier, parent: core("ANY"))
    }
}

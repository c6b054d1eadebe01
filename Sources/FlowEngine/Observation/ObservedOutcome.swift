import FlowCore

/// How an observed flow run or operation ended.
public enum ObservedOutcome: Sendable, Hashable, CustomStringConvertible {
    /// It completed; for a flow, also when an `on-error-continue` handled its error.
    case success
    /// It failed with an error of this type (`PROCORE:NOT_FOUND`), the type the flow's handlers
    /// see.
    case failure(ErrorTypeName)

    /// The failure's error type; nil on success.
    public var errorType: ErrorTypeName? {
        if case .failure(let type) = self { return type }
        return nil
    }

    /// `success`, or `failure PROCORE:NOT_FOUND`.
    public var description: String {
        switch self {
        case .success: "success"
        case .failure(let type): "failure \(type)"
        }
    }
}

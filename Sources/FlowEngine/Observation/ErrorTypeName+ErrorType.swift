import FlowCore

extension ErrorTypeName {
    /// The name of a resolved type (`PROCORE:NOT_FOUND`).
    init(_ type: ErrorType) {
        self.init(namespace: type.namespace, identifier: type.identifier)
    }
}

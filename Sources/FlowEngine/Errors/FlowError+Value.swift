import FlowCore
import FlowExpression

extension FlowError {
    /// The `error` object expressions see (mule-semantics §3.2): `description`,
    /// `detailedDescription`, `errorType` (`namespace`, `identifier`; `NS:ID` as text),
    /// `errorMessage` (`payload`, `attributes`, or null), `childErrors` (empty) and
    /// `failingComponent` (`path @ app:file:line`).
    public func value(appName: String) -> Value {
        let base = EvaluationContext.errorObject(
            description: description, detailedDescription: detailedDescription,
            namespace: type.namespace, identifier: type.identifier,
            errorMessage: errorMessage.map { ($0.payload, $0.attributes) })
        guard var object = base.objectValue else { return base }
        object.append("failingComponent", .string(failingComponent.rendered(appName: appName)))
        return .object(object)
    }
}

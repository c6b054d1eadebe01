import FlowCore
import FlowExpression
import FlowFormats

extension FlowError {
    /// The `error` object expressions see (mule-semantics §3.2): `description`,
    /// `detailedDescription`, `errorType` (`namespace`, `identifier`, `parentErrorType`; `NS:ID`
    /// as text),
    /// `errorMessage` (`payload`, `attributes`, or null), `childErrors` (the aggregated errors) and
    /// `failingComponent` (`path @ app:file:line`) and `cause` (`message`, `localizedMessage`,
    /// `cause`: see ``ErrorCause``).
    public func value(appName: String) -> Value {
        let base = EvaluationContext.errorObject(
            description: description, detailedDescription: detailedDescription,
            namespace: type.namespace, identifier: type.identifier,
            parents: Self.ancestors(of: type),
            errorMessage: errorMessage.map { ($0.payload.lenientValue, $0.attributes) })
        guard var object = base.objectValue else { return base }
        object.append("failingComponent", .string(failingComponent.rendered(appName: appName)))
        object.append("cause", cause.value)
        if !childErrors.isEmpty {
            object["childErrors"] = .array(childErrors.map { $0.value(appName: appName) })
        }
        return .object(object)
    }

    /// The parent, its parent, … up to the root type.
    private static func ancestors(of type: ErrorType) -> [(namespace: String, identifier: String)] {
        var result: [(namespace: String, identifier: String)] = []
        var current = type.parent
        while let parent = current {
            result.append((parent.namespace, parent.identifier))
            current = parent.parent
        }
        return result
    }
}

import FlowCore
import FlowEngine

/// `<validation:all>` and `<validation:any>`: every child validator runs (no short-circuit, as in
/// Mule) and their errors are collected; `all` fails when any child failed, `any` only when every
/// child did, with `VALIDATION:MULTIPLE` whose description is the children's joined by newlines.
struct AggregateOperation: ConnectorOperation {
    let children: [ValidatorOperation]
    /// True for `all`, false for `any`.
    let requiresAll: Bool

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        var errors: [ConnectorError] = []
        for child in children {
            do {
                if let error = try child.error(for: input) { errors.append(error) }
            } catch {
                // A child whose parameters cannot be evaluated has failed too; it is reported
                // with the others rather than hiding them.
                errors.append(error)
            }
        }
        let failed = requiresAll ? !errors.isEmpty : errors.count == children.count && !children.isEmpty
        guard failed else { return input.message }
        throw ConnectorError(type: ErrorTypeName(namespace: "VALIDATION", identifier: "MULTIPLE"),
                             message: errors.map(\.message).joined(separator: "\n"))
    }
}

/// An element that checks who sent the event and decides whether it may go on
/// (`http:basic-security-filter`, `spring:authorization-filter`): Mule's security filters.
///
/// A connector returns one from `makeOperation`; the engine then runs it in place of the
/// operation, keeping the message and setting the event's ``Authentication`` to what the filter
/// answers. A refusal is a ``ConnectorError`` like any operation's.
public protocol SecurityFilter: ConnectorOperation {
    /// Checks the event `input` describes (its ``OperationInput/authentication`` is the one a
    /// filter before it set); returns the authentication the event goes on with.
    func filter(_ input: OperationInput) async throws(ConnectorError) -> Authentication?
}

extension SecurityFilter {
    /// Checks the event and leaves the message as it was, for a caller that runs the filter as a
    /// plain operation (the engine does not: the authentication would be lost).
    public func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        _ = try await filter(input)
        return input.message
    }
}

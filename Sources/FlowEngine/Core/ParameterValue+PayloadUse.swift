import FlowExpression
import FlowModel

extension ParameterValue {
    /// Whether evaluating it may read the payload: a literal never does; an expression or a
    /// template whose text mentions `payload` or `message` may. Used to leave a paged payload
    /// unfetched across a `<logger>` or `<set-variable>` that does not look at it; a false
    /// "may" only costs fetching the pages before it.
    var mayReadPayload: Bool {
        if case .literal = value { return false }
        return text.contains("payload") || text.contains("message")
    }
}

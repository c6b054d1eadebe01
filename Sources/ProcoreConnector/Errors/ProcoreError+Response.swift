import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats

extension ProcoreError {
    /// The error for Procore's final answer `response` to `method path` (after any refresh or retry).
    ///
    /// The type comes from ``ProcoreErrorType/forStatus(_:)``; the description is Procore's own
    /// messages joined by `; ` (`city: can't be blank`), or, when the body says nothing, a
    /// sentence naming the request and the status.
    package static func fromResponse(_ response: Message, method: String, path: String) -> ProcoreError {
        let status = response.statusCode ?? 0
        let type = ProcoreErrorType.forStatus(status)
        // An HTML page is a proxy's or load balancer's error page, not Procore's answer: its
        // markup would fill the message and say nothing a flow can use, so the status speaks.
        let isPage = response.payload.mediaType.essence == "text/html"
        let messages = isPage ? [] : ProcoreErrorBody.messages(in: response.payload.lenientValue)
        let description = messages.isEmpty
            ? "HTTP \(method) \(path) failed: \(HTTPStatusText.reason(status)) (\(status))."
            : messages.joined(separator: "; ")
        return ProcoreError(type, description, errorMessage: response)
    }
}

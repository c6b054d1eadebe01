import FlowCore
import FlowEngine
import HTTPTypes

/// What a listener answers a failed flow with before its `http:error-response` applies: 500, or
/// what the error's own message asks for when it is a listener-side security or not-found error
/// carrying `HttpListenerResponseAttributes` (a basic security filter's 401 with its
/// `WWW-Authenticate` challenge), as Mule's `HttpListener.hasCustomResponse`.
///
/// An `http:request`'s `HTTP:UNAUTHORIZED` carries the remote response, not listener
/// attributes, and still gives 500, as in Mule.
struct ErrorResponseDefaults {
    var status: Int
    var reasonPhrase: String?
    var headers = HTTPFields()

    /// The defaults for `error`, or `status` with nothing else when its message asks for none.
    init(for error: FlowError, status: Int) {
        self.status = status
        guard let message = error.errorMessage, message.attributesType == UnauthenticatedResponse.attributesType,
              Self.isKnown(error.type), let attributes = message.attributes.objectValue,
              case .int(let code)? = attributes["statusCode"], let custom = Int(exactly: code), (200...599).contains(custom) else { return }
        self.status = custom
        reasonPhrase = attributes["reasonPhrase"]?.stringValue
        var dropped: [String] = []
        _ = ResponseFactory.appendHeaders(attributes["headers"] ?? .null, to: &headers, dropped: &dropped)
    }

    /// `MULE:SECURITY`, `HTTP:NOT_FOUND`, `HTTP:BASIC_AUTHENTICATION` or any of their children.
    private static func isKnown(_ type: ErrorType) -> Bool {
        var current: ErrorType? = type
        while let found = current {
            switch (found.namespace, found.identifier) {
            case ("MULE", "SECURITY"), ("HTTP", "NOT_FOUND"), ("HTTP", "BASIC_AUTHENTICATION"): return true
            default: current = found.parent
            }
        }
        return false
    }
}

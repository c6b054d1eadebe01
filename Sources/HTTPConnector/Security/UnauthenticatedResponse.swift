import FlowCore
import FlowEngine
import FlowFormats

/// The message a refused basic authentication carries as its `error.errorMessage`: no payload,
/// and `HttpListenerResponseAttributes` of 401 with a `WWW-Authenticate` challenge, which the
/// listener answers with (``ListenerErrorResponse``), as Mule's listener does.
enum UnauthenticatedResponse {
    /// The attributes type the listener recognises, Mule's class name.
    static let attributesType = "HttpListenerResponseAttributes"

    /// The message for `realm` (Mule writes `Basic realm="…", charset="UTF-8"`; without a realm
    /// `Basic realm=, charset="UTF-8"`).
    static func message(realm: String?) -> Message {
        var challenge = "Basic realm="
        if let realm { challenge += quoted(realm) }
        challenge += ", charset=\"UTF-8\""
        let attributes = ValueObject([
            ("statusCode", .int(401)),
            ("reasonPhrase", .string("Unauthorized")),
            ("headers", .object(ValueObject([("WWW-Authenticate", .string(challenge))]))),
        ])
        return Message(payload: TypedValue(.null), attributes: .object(attributes), attributesType: attributesType)
    }

    /// `text` as an HTTP quoted-string (RFC 9110 §5.6.4): quotes and backslashes escaped, so a
    /// realm cannot end the header's parameter early.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}

/// The error types of Mule's HTTP connector, so that handlers may name them (mule-semantics §3.1).
enum HTTPErrorTypes {
    static let all: [(String, String?)] = [
        ("CONNECTIVITY", "MULE:CONNECTIVITY"),
        ("RETRY_EXHAUSTED", "MULE:RETRY_EXHAUSTED"),
        ("PARSING", nil), ("TIMEOUT", nil), ("BAD_REQUEST", nil), ("NOT_FOUND", nil),
        ("METHOD_NOT_ALLOWED", nil), ("NOT_ACCEPTABLE", nil), ("UNSUPPORTED_MEDIA_TYPE", nil),
        ("TOO_MANY_REQUESTS", nil), ("INTERNAL_SERVER_ERROR", nil), ("BAD_GATEWAY", nil),
        ("SERVICE_UNAVAILABLE", nil), ("GATEWAY_TIMEOUT", nil),
        ("SECURITY", "MULE:SECURITY"),
        ("CLIENT_SECURITY", "MULE:CLIENT_SECURITY"),
        ("SERVER_SECURITY", "MULE:SERVER_SECURITY"),
        ("UNAUTHORIZED", "CLIENT_SECURITY"),
        ("FORBIDDEN", "CLIENT_SECURITY"),
        ("BASIC_AUTHENTICATION", "SERVER_SECURITY"),
    ]
}

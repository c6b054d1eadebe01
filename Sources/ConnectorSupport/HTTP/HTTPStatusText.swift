/// Lower-case reason phrases for the common error statuses, as error descriptions print them.
public enum HTTPStatusText {
    /// The reason phrase for `status` (`not found`), or `unexpected status` for one not listed.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 406: "not acceptable"
        case 408: "request timeout"
        case 409: "conflict"
        case 410: "gone"
        case 413: "payload too large"
        case 415: "unsupported media type"
        case 422: "unprocessable entity"
        case 429: "too many requests"
        case 500: "internal server error"
        case 501: "not implemented"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        default: "unexpected status"
        }
    }
}

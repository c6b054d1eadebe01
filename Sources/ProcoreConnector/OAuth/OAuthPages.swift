import ConnectorSupport
import FlowCore

/// The small HTML pages the listener shows during the authorization dance.
package enum OAuthPages {
    /// The redirect to Procore's authorization page, setting the cookie that binds the dance to this browser.
    package static func redirect(to location: String, setCookie: String) -> ListenerResponse {
        ListenerResponse(status: 302, headers: [
            HeaderField("Location", location),
            HeaderField("Set-Cookie", setCookie),
            HeaderField("Content-Type", "text/html; charset=utf-8"),
            HeaderField("Cache-Control", "no-store"),
        ], body: page(title: "Redirecting to Procore", message: "Continue to Procore to authorize this application."))
    }

    /// The page after tokens were stored.
    package static func success(resourceOwnerId: String, configName: String) -> ListenerResponse {
        html(status: 200, title: "Procore authorization complete",
             message: "Resource owner '\(resourceOwnerId)' of config '\(configName)' is now authorized. You can close this window.")
    }

    /// A page for a failed step, with the error's description (which never holds a secret).
    package static func failure(status: Int, error: ProcoreError) -> ListenerResponse {
        html(status: status, title: "Procore authorization failed", message: error.description)
    }

    /// The 401 page of an authorize path protected with Basic credentials, with its challenge.
    package static func credentialsRequired(configName: String, error: ProcoreError) -> ListenerResponse {
        var response = failure(status: 401, error: error)
        response.headers.append(HeaderField("WWW-Authenticate", "Basic realm=\"Procore authorization for \(configName)\", charset=\"UTF-8\""))
        return response
    }

    /// A complete page with `Content-Type` and `Cache-Control: no-store`.
    package static func html(status: Int, title: String, message: String) -> ListenerResponse {
        ListenerResponse(status: status, headers: [
            HeaderField("Content-Type", "text/html; charset=utf-8"),
            HeaderField("Cache-Control", "no-store"),
        ], body: page(title: title, message: message))
    }

    /// A minimal HTML document; both texts are escaped.
    package static func page(title: String, message: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(HTMLEscaping.escape(title))</title></head>
        <body><h1>\(HTMLEscaping.escape(title))</h1><p>\(HTMLEscaping.escape(message))</p></body></html>

        """
    }
}

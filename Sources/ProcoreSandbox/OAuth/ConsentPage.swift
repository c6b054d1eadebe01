import FlowCore
/// The HTML pages of `/oauth/authorize`: the consent page with Approve and Deny, the page an
/// out-of-band client reads its code from, and the error page for requests that cannot redirect.
enum ConsentPage {
    /// The parameters the consent forms post back.
    struct Request {
        let clientID: String
        let redirectURI: String
        let state: String?
    }

    static func consent(app: OAuthApp, user: SandboxUser, request: Request) -> String {
        let hidden = [
            ("response_type", "code"), ("client_id", request.clientID), ("redirect_uri", request.redirectURI),
        ] + (request.state.map { [("state", $0)] } ?? [])
        let fields = hidden.map { "<input type=\"hidden\" name=\"\(HTMLEscaping.escape($0.0))\" value=\"\(HTMLEscaping.escape($0.1))\">" }
            .joined(separator: "\n      ")
        return page(
            title: "Authorize \(app.name)",
            body: """
                <h1>Authorize <strong>\(HTMLEscaping.escape(app.name))</strong>?</h1>
                  <p>\(HTMLEscaping.escape(app.name)) wants to use the Procore sandbox on behalf of \(HTMLEscaping.escape(user.name)) (\(HTMLEscaping.escape(user.login))).</p>
                  <p>After you decide you will be sent to <code>\(HTMLEscaping.escape(request.redirectURI))</code>.</p>
                  <form method="post" action="/oauth/authorize" class="approve">
                      \(fields)
                      <input type="hidden" name="decision" value="approve">
                      <button type="submit">Approve</button>
                  </form>
                  <form method="post" action="/oauth/authorize" class="deny">
                      \(fields)
                      <input type="hidden" name="decision" value="deny">
                      <button type="submit">Deny</button>
                  </form>
                """)
    }

    static func outOfBandCode(_ code: String) -> String {
        page(
            title: "Authorization code",
            body: """
                <h1>Authorization code</h1>
                  <p>Copy this code into your application:</p>
                  <p><code id="authorization_code">\(HTMLEscaping.escape(code))</code></p>
                """)
    }

    static func error(_ error: OAuthError) -> String {
        page(
            title: "An error has occurred",
            body: """
                <h1>An error has occurred</h1>
                  <p id="error" data-error="\(error.rawValue)">\(HTMLEscaping.escape(error.description))</p>
                """)
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title)) · Procore sandbox</title><style>\(PageStyle.css)</style></head>
        <body>
        <main><header><strong>Procore sandbox</strong><span class="muted">bundled with Conduit</span></header>
        <div class="card">
          \(body)
        </div></main>
        </body>
        </html>

        """
    }
}

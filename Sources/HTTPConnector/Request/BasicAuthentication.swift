import Foundation

/// `<http:basic-authentication>`: the credentials sent as `Authorization: Basic …`, up front
/// (`preemptive`, Mule's default) or only after a 401 answer.
///
/// Its description hides the password, so printing a configuration can never reveal it.
struct BasicAuthentication: Sendable, CustomStringConvertible {
    let username: String
    private let password: String
    /// Whether the first request already carries the credentials.
    let preemptive: Bool

    init(username: String, password: String, preemptive: Bool) {
        self.username = username
        self.password = password
        self.preemptive = preemptive
    }

    /// The `Authorization` header value.
    var headerValue: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    var description: String { "basic authentication as '\(username)' (password hidden)" }
}

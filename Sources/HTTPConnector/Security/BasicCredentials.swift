import Foundation

/// The user name and password of an `Authorization: Basic …` header, read as Mule's
/// `HttpBasicAuthenticationFilter` reads them: the scheme written `Basic ` exactly, the rest
/// strict Base64 of UTF-8 text, split at its first colon (no colon: an empty user and password).
///
/// Its description hides the password.
struct BasicCredentials: Sendable, CustomStringConvertible {
    /// Why a header gives no credentials.
    enum Problem: Error, Equatable {
        /// The header does not start with `Basic `.
        case otherScheme
        /// What follows `Basic ` is not Base64 of UTF-8 text.
        case undecodable
    }

    let username: String
    let password: String

    /// The credentials in `header`.
    init(header: String) throws(Problem) {
        guard header.hasPrefix("Basic ") else { throw .otherScheme }
        guard let data = Data(base64Encoded: String(header.dropFirst(6))), let token = String(data: data, encoding: .utf8) else {
            throw .undecodable
        }
        if let colon = token.firstIndex(of: ":") {
            username = String(token[..<colon])
            password = String(token[token.index(after: colon)...])
        } else {
            username = ""
            password = ""
        }
    }

    var description: String { "basic credentials of '\(username)' (password hidden)" }
}

import Foundation

/// What an operator requires of a request to the authorize path, beyond reaching the listener:
/// a client address on an allow-list, HTTP Basic credentials, or both.
///
/// Unprotected (the default, as in Mule) anyone who reaches the listener can start an
/// authorization; see the README's Security section.
public struct AuthorizePathProtection: Sendable, Hashable {
    /// Client addresses allowed to start an authorization; empty allows any.
    public var allowedAddresses: [ClientAddressRange]
    /// The Basic user name required; nil requires none.
    public var username: String?
    /// The Basic password required with ``username``; a secret, never logged nor shown.
    public var password: String?

    /// Creates a protection; the defaults protect nothing.
    public init(allowedAddresses: [ClientAddressRange] = [], username: String? = nil, password: String? = nil) {
        self.allowedAddresses = allowedAddresses
        self.username = username
        self.password = password
    }

    /// Whether anything is required, that is, whether a request that passes is not anonymous.
    public var isConfigured: Bool { !allowedAddresses.isEmpty || username != nil }

    /// Why a request is refused.
    public enum Refusal: Sendable, Hashable {
        /// The client's address is not on the allow-list (403).
        case addressNotAllowed
        /// Credentials are missing or wrong (401 with a Basic challenge).
        case credentialsRequired
    }

    /// Checks a request from `clientAddress` (an IP address) with the `Authorization` header
    /// `authorization`; nil when it may proceed.
    public func check(clientAddress: String, authorization: String?) -> Refusal? {
        if !allowedAddresses.isEmpty, !allowedAddresses.contains(where: { $0.contains(clientAddress) }) {
            return .addressNotAllowed
        }
        if let username {
            guard let (user, pass) = Self.basicCredentials(authorization) else { return .credentialsRequired }
            // Both compared in full, so timing tells neither which one was wrong nor where.
            let userMatches = ConstantTime.equal(user, username)
            let passwordMatches = ConstantTime.equal(pass, password ?? "")
            guard userMatches && passwordMatches else { return .credentialsRequired }
        }
        return nil
    }

    /// The user and password of a `Basic` `Authorization` header.
    static func basicCredentials(_ header: String?) -> (String, String)? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

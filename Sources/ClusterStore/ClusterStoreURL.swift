import Foundation

/// Where the cluster's PostgreSQL database is: `postgres://user:password@host:port/database`,
/// as `--cluster-store` or `CONDUIT_CLUSTER_STORE` give it.
///
/// The password is a secret: ``description`` (and every error and log line, which use it) shows
/// it as `****`. `postgresql://` is accepted too; the port defaults to 5432. A query may set
/// `sslmode` to `disable` (the default on a loopback host), `prefer` or `require` (the default
/// elsewhere), as libpq names them.
public struct ClusterStoreURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password (a secret; nil when the server trusts the role without one).
    public var password: String?
    /// The database's name.
    public var database: String
    /// How TLS is used.
    public var tls: TLSMode

    /// Parses `text`; the error names the URL with its password masked, and what is wrong.
    public init(_ text: String) throws(ClusterStoreURLError) {
        let shown = Self.redacted(text)
        func failure(_ reason: String) -> ClusterStoreURLError { ClusterStoreURLError(url: shown, reason: reason) }
        guard let components = URLComponents(string: text) else { throw failure("is not a URL") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw failure("must start with postgres:// (postgres://user:password@host:5432/database)")
        }
        guard let host = components.host, !host.isEmpty else { throw failure("names no host") }
        guard let user = components.user, !user.isEmpty else { throw failure("names no user (postgres://user:password@host:5432/database)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw failure("names no database (postgres://user:password@host:5432/database)") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw failure("has port \(port), not from 1 to 65535") }
        var tls: TLSMode = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) ? .disable : .require
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { throw failure("has the parameter '\(item.name)'; only sslmode is understood") }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw failure("has sslmode '\(item.value ?? "")'; expected disable, prefer or require")
            }
            tls = mode
        }
        self.host = host
        self.port = port
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The URL with the password masked: `postgres://conduit:****@db:5432/conduit`.
    public var description: String {
        let credentials = username + (password == nil ? "" : ":****")
        let address = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "postgres://\(credentials)@\(address):\(port)/\(database)"
    }

    /// `text` with whatever stands between `user:` and `@` masked, for messages about a URL
    /// that did not parse (so a typo never prints the password).
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@") else { return text }
        let userInfo = text[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":****" + String(text[at...])
    }
}

/// A cluster store URL that cannot be used; its description names the URL (password masked).
public struct ClusterStoreURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL as given, password masked.
    public var url: String
    /// What is wrong with it.
    public var reason: String

    /// `The cluster store URL '<url>' <reason>`.
    public var description: String { "The cluster store URL '\(url)' \(reason)" }
}

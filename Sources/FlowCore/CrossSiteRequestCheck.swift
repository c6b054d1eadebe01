/// Whether a state-changing request was sent by a page of another site (cross-site request
/// forgery), from what browsers put on it: `Origin` and `Sec-Fetch-Site`.
///
/// Only what a browser says is judged: a request with neither header (curl, a server, an
/// integration) passes, since no browser page could have sent it on someone's behalf. Shared by
/// the HTTP listener and the Procore sandbox, which refuse the same requests the same way.
public enum CrossSiteRequestCheck {
    /// Methods that cannot change anything (RFC 9110 §9.2.1); the others are checked.
    public static let safeMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "TRACE"]

    /// The origins a listener accepts cross-site writes from (`allowedOrigins`).
    public struct AllowedOrigins: Sendable, Hashable {
        /// `*`: any origin (the check is off).
        public var any: Bool
        /// Normalised origins (`https://app.example.com`, `http://localhost:3000`, or `null`).
        public var origins: Set<String>

        /// None: only same-origin browser writes pass.
        public static let none = AllowedOrigins(any: false, origins: [])

        /// Creates a list.
        public init(any: Bool, origins: Set<String>) {
            self.any = any
            self.origins = origins
        }

        /// Parses a comma-separated `allowedOrigins` value; the entries that are not origins
        /// (`scheme://host[:port]` with no path, `null` or `*`) are returned apart.
        public static func parse(_ text: String) -> (allowed: AllowedOrigins, invalid: [String]) {
            var allowed = AllowedOrigins.none
            var invalid: [String] = []
            for entry in text.split(separator: ",") {
                let item = String(entry).trimmedSpaces
                if item.isEmpty { continue }
                if item == "*" {
                    allowed.any = true
                } else if let origin = CrossSiteRequestCheck.normalizedOrigin(item) {
                    allowed.origins.insert(origin)
                } else {
                    invalid.append(item)
                }
            }
            return (allowed, invalid)
        }

        /// Whether `origin` (as a request sends it) is listed.
        public func allows(_ origin: String) -> Bool {
            any || CrossSiteRequestCheck.normalizedOrigin(origin).map { origins.contains($0) } == true
        }
    }

    /// Why a browser's write is taken for a cross-site one.
    public enum Refusal: Sendable, Hashable {
        /// Its `Origin` is neither the server's own nor an allowed one.
        case foreignOrigin
        /// It has no `Origin`, and `Sec-Fetch-Site` says `cross-site`.
        case crossSiteFetch
    }

    /// Why a `method` request with these headers is refused, or nil when it may proceed.
    ///
    /// - Parameters:
    ///   - origin: the `Origin` header.
    ///   - fetchSite: the `Sec-Fetch-Site` header.
    ///   - host: the `Host` header (its authority), to tell a same-origin `Origin`.
    ///   - secure: whether the request came over HTTPS, for the scheme of the request's own origin.
    public static func refusal(method: String, origin: String?, fetchSite: String?, host: String?, secure: Bool,
                               allowed: AllowedOrigins) -> Refusal? {
        guard !safeMethods.contains(method), !allowed.any else { return nil }
        guard !safeMethods.contains(method.uppercased()) else { return nil }
        if let origin = origin?.trimmedSpaces, !origin.isEmpty {
            if allowed.allows(origin) { return nil }
            let own = host.flatMap { normalizedOrigin((secure ? "https://" : "http://") + $0.trimmedSpaces) }
            if let own, normalizedOrigin(origin) == own, fetchSite?.lowercased() != "cross-site" { return nil }
            return .foreignOrigin
        }
        if fetchSite?.trimmedSpaces.lowercased() == "cross-site" {
            return .crossSiteFetch
        }
        return nil
    }

    /// `scheme://host[:port]` lower-cased, with the scheme's default port dropped; `null` as is;
    /// nil for anything else (a path, a query, no scheme).
    public static func normalizedOrigin(_ text: String) -> String? {
        let lowered = text.trimmedSpaces.lowercased()
        if lowered == "null" { return "null" }
        let parts = lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix("//") else { return nil }
        let scheme = String(parts[0])
        var authority = String(parts[1].dropFirst(2))
        if authority.hasSuffix("/") { authority.removeLast() }
        guard ["http", "https"].contains(scheme), !authority.isEmpty,
              !authority.contains("/"), !authority.contains("?"), !authority.contains("#"), !authority.contains("@") else { return nil }
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if authority.hasSuffix(defaultPort) { authority.removeLast(defaultPort.count) }
        return scheme + "://" + authority
    }
}

extension String {
    fileprivate var trimmedSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

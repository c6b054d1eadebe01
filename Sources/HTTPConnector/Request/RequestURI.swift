import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation

/// Builds the URL of one request as Mule's `UriUtils` does (mule-components §2.3): the config's
/// `scheme://host:port` (the port always written) and `basePath` joined with the operation's
/// `path`, or the operation's `url`; `{name}` placeholders replaced from `uri-params`; query
/// parameters appended.
enum RequestURI {
    /// `basePath` and `path` joined with exactly one `/` between them.
    static func join(basePath: String, path: String) -> String {
        var base = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if base.hasSuffix("/"), path.hasPrefix("/") { base.removeLast() }
        if !base.hasSuffix("/"), !path.hasPrefix("/"), !path.isEmpty { base += "/" }
        return base + path
    }

    /// `template` with every `{name}` that `params` has replaced by its value, percent-encoded
    /// where a URL could not carry the character (Mule sends values as they are, which only
    /// works for URL-safe text); placeholders without an entry stay as written.
    static func substitute(_ template: String, params: ValueObject) throws(ConnectorError) -> String {
        guard template.contains("{"), !params.isEmpty else { return template }
        var result = template
        for entry in params.entries {
            let placeholder = "{\(entry.key)}"
            guard result.contains(placeholder) else { continue }
            if entry.value.isNull {
                throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                     message: "Expression {\(entry.key)} evaluated to null.")
            }
            let text = ValueText.render(entry.value)
            result = result.replacingOccurrences(of: placeholder, with: text.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? text)
        }
        return result
    }

    /// `url` with the query parameters appended (`?` or `&`), names and values percent-encoded.
    static func appendingQuery(_ url: String, _ pairs: [(String, String?)]) -> String {
        guard !pairs.isEmpty else { return url }
        let query = pairs.map { name, value in
            value.map { "\(FormEncoding.percentEncode(name))=\(FormEncoding.percentEncode($0))" } ?? FormEncoding.percentEncode(name)
        }.joined(separator: "&")
        return url + (url.contains("?") ? "&" : "?") + query
    }

    /// The scheme of `url` when it has one other than `http` and `https`: AsyncHTTPClient would
    /// also reach Unix sockets (`http+unix://`), which no Mule request can.
    static func unsupportedScheme(_ url: String) -> String? {
        guard let end = url.range(of: "://") else { return nil }
        let scheme = url[..<end.lowerBound].lowercased()
        return scheme == "http" || scheme == "https" ? nil : scheme
    }

    /// `url` as error messages and logs show it: without query, fragment or user information,
    /// which may hold secrets.
    static func display(_ url: String) -> String {
        var text = url
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        guard let schemeEnd = text.range(of: "://") else { return text }
        let authorityEnd = text[schemeEnd.upperBound...].firstIndex(of: "/") ?? text.endIndex
        if let at = text[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") {
            text.removeSubrange(schemeEnd.upperBound...at)
        }
        return text
    }

    /// The characters a path may carry unencoded (RFC 3986 `pchar` and `/`).
    private static let pathAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "?#")
        return set
    }()
}

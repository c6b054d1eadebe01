import FlowCore
import FlowEngine
import FlowModel

/// `is-url`: fails with `INVALID_URL` unless the value is a URL Java's `new URL(…)` (which Mule
/// uses) would accept, made a little stricter so that typos are caught: a scheme Java knows
/// (`http`, `https`, `ftp`, `file`, `mailto`), no whitespace, and for `http`, `https` and `ftp`
/// a `//` followed by a non-empty host (an optional `:port` of digits).
struct URLCheck: ValidationCheck {
    let url: ParameterValue

    private static let schemes: Set<String> = ["http", "https", "ftp", "file", "mailto"]
    private static let hierarchical: Set<String> = ["http", "https", "ftp"]

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let value = try input.evaluate(url)
        if case .string(let text) = value, Self.isValid(text) { return nil }
        return ValidationFailure("INVALID_URL", "\(ValueText.text(value)) is not a valid url")
    }

    static func isValid(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].lowercased()
        guard schemes.contains(scheme) else { return false }
        let rest = text[text.index(after: colon)...]
        guard hierarchical.contains(scheme) else { return true }
        guard rest.hasPrefix("//") else { return false }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var host = hostAndPort
        if hostAndPort.hasPrefix("[") {
            // An IPv6 literal: [::1]:8080
            guard let close = hostAndPort.firstIndex(of: "]") else { return false }
            host = hostAndPort[...close]
            let port = hostAndPort[hostAndPort.index(after: close)...]
            return host.count > 2 && (port.isEmpty || (port.first == ":" && port.dropFirst().allSatisfy(\.isNumber)))
        }
        if let portColon = hostAndPort.firstIndex(of: ":") {
            host = hostAndPort[..<portColon]
            guard hostAndPort[hostAndPort.index(after: portColon)...].allSatisfy(\.isNumber) else { return false }
        }
        return !host.isEmpty
    }
}

import FlowEngine
import FlowCore

extension Message {
    /// The HTTP status in the attributes of a message made by ``HTTPTransport``, if any.
    public var statusCode: Int? {
        if case .int(let code) = attributes["statusCode"] { return Int(code) }
        return nil
    }

    /// The response header `name` (any case) in the attributes of a message made by
    /// ``HTTPTransport``, if present.
    public func header(_ name: String) -> String? {
        attributes["headers"]?[name.lowercased()]?.stringValue
    }
}

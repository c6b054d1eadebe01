import FlowCore

/// What a Procore call produced: the payload (Procore's JSON) and the attributes beside it.
///
/// Operations return one on success; a ``ProcoreError`` carries one as its `errorMessage` so a
/// flow's error handler can read Procore's status, headers and body.
public struct ProcoreResult: Sendable, Hashable {
    /// The decoded response body: JSON as a ``Value``, plain text as a string, `.null` when empty.
    public var payload: Value
    /// `{statusCode, headers, requestId}`; header names are lower-cased.
    public var attributes: Value

    /// Creates a result from its two parts.
    public init(payload: Value, attributes: Value) {
        self.payload = payload
        self.attributes = attributes
    }

    /// The HTTP status in the attributes, if any.
    public var statusCode: Int? {
        if case .int(let code) = attributes["statusCode"] { return Int(code) }
        return nil
    }

    /// The response header `name` (any case), if present.
    public func header(_ name: String) -> String? {
        attributes["headers"]?[name.lowercased()]?.stringValue
    }
}

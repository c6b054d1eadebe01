import FlowCore

/// Names one element of the app for error reports: the processor path Mule prints and where the
/// element is written.
public struct ElementReference: Sendable, Hashable, CustomStringConvertible {
    /// The processor path (`create-flow/processors/1`).
    public let path: String
    /// Where the element starts.
    public let location: SourceLocation

    /// Creates a reference.
    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }

    /// `path @ app:file:line`, as Mule prints it in error blocks and FlowStack lines.
    public func rendered(appName: String) -> String {
        "\(path) @ \(appName):\(location.file):\(location.line)"
    }

    /// `path @ file:line:column`.
    public var description: String { "\(path) @ \(location)" }
}

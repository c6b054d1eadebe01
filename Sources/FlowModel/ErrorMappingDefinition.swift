import FlowCore

/// One `<error-mapping sourceType targetType>` of an operation: its errors of `source` (or of
/// any type) are raised as `target` instead, a type the app declares by naming it.
public struct ErrorMappingDefinition: Sendable {
    /// The type to map; nil maps every error (`ANY`).
    public let source: ErrorType?
    /// The type raised instead.
    public let target: ErrorType
    /// Where the mapping is written.
    public let location: SourceLocation

    /// Creates a mapping.
    public init(source: ErrorType?, target: ErrorType, location: SourceLocation) {
        self.source = source
        self.target = target
        self.location = location
    }
}

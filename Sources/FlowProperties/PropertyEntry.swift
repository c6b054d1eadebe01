import FlowCore

/// One `key = value` definition read from a properties file, a YAML file or a `<global-property>`.
///
/// Both the key and the value keep where they were written, so that a diagnostic about the key
/// (a duplicate) or about something inside the value (a `${missing}` placeholder) can point at
/// the exact line and column.
public struct PropertyEntry: Sendable, Hashable {
    /// The property name, with escapes already decoded (`a\=b` in a `.properties` file is `a=b`).
    public let key: String
    /// The value, with escapes decoded and continuation lines joined.
    public let value: String
    /// Where the key starts.
    public let location: SourceLocation
    /// Where the value starts (for an empty value: just after the separator).
    public let valueLocation: SourceLocation
    /// Where runs of `value` come from, when the value is not one straight run of its source line.
    ///
    /// Empty for the common case (no escape, no continuation line): then offset `n` of the value
    /// is simply `valueLocation.advanced(by: n)`.
    let valueSegments: [ValueSegment]

    /// Creates an entry whose value is written on one line without escapes.
    public init(key: String, value: String, location: SourceLocation, valueLocation: SourceLocation) {
        self.init(key: key, value: value, location: location, valueLocation: valueLocation, valueSegments: [])
    }

    init(key: String, value: String, location: SourceLocation, valueLocation: SourceLocation, valueSegments: [ValueSegment]) {
        self.key = key
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
        self.valueSegments = valueSegments
    }

    /// Where the Unicode scalar at `offset` of `value` was written.
    ///
    /// Exact across escapes (`\u0041` counts as one scalar of the value but six of the source) and
    /// continuation lines of a `.properties` file; for YAML values written with escapes or folded
    /// over several lines it is the position on the value's first line.
    public func location(ofValueOffset offset: Int) -> SourceLocation {
        var best = ValueSegment(offset: 0, location: valueLocation)
        for segment in valueSegments {
            guard segment.offset <= offset else { break }
            best = segment
        }
        return best.location.advanced(by: offset - best.offset)
    }
}

/// A run of a value whose scalars sit one after another on one source line.
struct ValueSegment: Sendable, Hashable {
    /// Offset, in Unicode scalars of the decoded value, where the run starts.
    var offset: Int
    /// Where the first scalar of the run was written.
    var location: SourceLocation
}

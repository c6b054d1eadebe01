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
    /// Where each scalar of `value` was written: exact across escapes (`\u0041` counts as one
    /// scalar of the value but six of the source) and continuation lines of a `.properties` file;
    /// for YAML values written with escapes or folded over several lines, the value's first line.
    public let valueMap: SourceMap

    /// Creates an entry whose value is written on one line without escapes.
    public init(key: String, value: String, location: SourceLocation, valueLocation: SourceLocation) {
        self.init(key: key, value: value, location: location, valueMap: SourceMap(start: valueLocation))
    }

    init(key: String, value: String, location: SourceLocation, valueMap: SourceMap) {
        self.key = key
        self.value = value
        self.location = location
        self.valueLocation = valueMap.start
        self.valueMap = valueMap
    }

    /// Where the Unicode scalar at `offset` of `value` was written.
    public func location(ofValueOffset offset: Int) -> SourceLocation {
        valueMap.location(ofOffset: offset)
    }
}

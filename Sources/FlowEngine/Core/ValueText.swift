import FlowCore

/// How values read in logs and plain-text bodies: strings and dates as their text, everything
/// else as JSON.
public enum ValueText {
    /// `value` as text.
    public static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .temporal(let temporal): temporal.isoText
        default: JSON.encode(value)
        }
    }
}

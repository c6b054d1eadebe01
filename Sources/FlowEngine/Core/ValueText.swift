import FlowCore

/// How values read in logs and plain-text bodies: strings as they are, everything else as JSON.
public enum ValueText {
    /// `value` as text.
    public static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        default: JSON.encode(value)
        }
    }
}

/// A text with every `${…}` placeholder substituted, and whether a secret went into it.
///
/// When `containsSecret` is true the value holds (part of) a secure property's plaintext: callers
/// must keep it out of logs, error messages and responses. `description` redacts it.
public struct ResolvedText: Sendable, Hashable, CustomStringConvertible {
    /// The substituted text.
    public let value: String
    /// Whether any `${secure::…}` was substituted into `value`, directly or through another property.
    public let containsSecret: Bool

    /// Creates a result.
    public init(value: String, containsSecret: Bool) {
        self.value = value
        self.containsSecret = containsSecret
    }

    /// The value, or `<redacted>` when it contains a secret.
    public var description: String { containsSecret ? "<redacted>" : value }
}

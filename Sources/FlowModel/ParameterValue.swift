import FlowCore
import FlowExpression

/// One attribute of a definition, after `${…}` resolution, with where it was written and, for
/// attributes that take expressions, its compiled form.
///
/// Immutable, and a class: definitions hand parameters around constantly (an operation evaluates
/// dozens per call), and a copy of this many strings and locations cost more than evaluating a
/// simple expression.
public final class ParameterValue: Sendable {
    /// The attribute name.
    public let name: String
    /// The text after property placeholders were replaced.
    public let text: String
    /// Where the attribute's name starts.
    public let location: SourceLocation
    /// Where the attribute's value starts (just after the opening quote).
    public let valueLocation: SourceLocation
    /// The value, compiled according to the parameter's kind.
    public let value: AttributeValue
    /// Whether the text came from (or is) a secret; such text never goes into messages or logs.
    public let isSecret: Bool

    /// Creates a parameter value.
    public init(name: String, text: String, location: SourceLocation, valueLocation: SourceLocation, value: AttributeValue, isSecret: Bool) {
        self.name = name
        self.text = text
        self.location = location
        self.valueLocation = valueLocation
        self.value = value
        self.isSecret = isSecret
    }
}

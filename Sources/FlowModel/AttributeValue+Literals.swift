import FlowCore
import FlowExpression

extension AttributeValue {
    /// The whole number, when the value is a literal one (not an expression).
    public var literalInt: Int? {
        if case .literal(.int(let value)) = self { return Int(exactly: value) }
        return nil
    }

    /// The boolean, when the value is a literal one (not an expression).
    public var literalBool: Bool? {
        if case .literal(.bool(let value)) = self { return value }
        return nil
    }
}

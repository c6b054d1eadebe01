import FlowCore
import FlowEngine
import Foundation

/// Values of `http:request` parameters written as expressions, checked once evaluated: each
/// conversion either gives a value that is safe to use or a `MULE:EXPRESSION` error saying what
/// was expected.
enum ParameterCoercion {
    /// A method from an expression's result, upper-cased: an HTTP token (letters, digits and
    /// `!#$%&'*+-.^_`|~`), so that nothing else can reach the request line.
    static func method(_ value: Value) throws(ConnectorError) -> String {
        let text = ValueText.render(value).uppercased()
        let token = !text.isEmpty && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
        guard token, text.count <= 32 else {
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "Parameter 'method' must be an HTTP method such as GET or POST, got '\(text.prefix(40))'.")
        }
        return text
    }

    /// A whole number from an expression's result: an integer, or text holding one; nil
    /// otherwise, and for numbers beyond 32 bits (no port or timeout is that large).
    static func wholeNumber(_ value: Value) -> Int? {
        switch value {
        case .int(let number) where number >= Int64(Int32.min) && number <= Int64(Int32.max): return Int(number)
        case .string(let text):
            if let number = Int32(text.trimmingCharacters(in: .whitespaces)) { return Int(number) }
            return nil
        default: return nil
        }
    }

    /// A `responseTimeout` evaluated per event: whole milliseconds, 0 or more.
    static func milliseconds(_ value: Value) throws(ConnectorError) -> Int {
        if let number = wholeNumber(value), number >= 0 { return number }
        throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                             message: "Parameter 'responseTimeout' must be a whole number of milliseconds, got \(ValueText.render(value)).")
    }

    /// A flag evaluated per event (`followRedirects`): a boolean, or the text `true` or `false`.
    static func bool(_ value: Value, name: String) throws(ConnectorError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default:
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "Parameter '\(name)' must be true or false, got \(ValueText.render(value)).")
        }
    }
}

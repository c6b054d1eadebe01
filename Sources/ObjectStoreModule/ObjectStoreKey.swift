import FlowCore
import FlowEngine
import FlowModel

/// Reads an operation's `key`: a string (a number or boolean as its text); null or blank is
/// `OS:INVALID_KEY`, as in Mule.
enum ObjectStoreKey {
    static func evaluate(_ parameter: ParameterValue, _ input: OperationInput) throws(ConnectorError) -> String {
        let key: String
        switch try input.evaluate(parameter) {
        case .null: throw ObjectStoreErrors.invalidKey
        case .string(let text): key = text
        case let structured where structured.arrayValue != nil || structured.objectValue != nil:
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "Parameter 'key' must be a String, got an \(structured.typeName)")
        case let scalar: key = ValueText.render(scalar)
        }
        guard !key.allSatisfy(\.isWhitespace) else { throw ObjectStoreErrors.invalidKey }
        return key
    }
}

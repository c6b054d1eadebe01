import Foundation
import FlowCore
import FlowEngine

/// Reads Procore's error messages out of an error response body.
///
/// Procore answers errors in several shapes (procore-api §9): `errors` as a string, a list of
/// strings or a map of field to messages, or `message`/`error`/`error_description`, or plain text
/// (429). All of them become short lines such as `city: can't be blank`.
enum ProcoreErrorBody {
    /// The longest plain-text body quoted in a description; longer text is cut with an ellipsis.
    static let maximumTextLength = 300

    /// Procore's messages in `payload`, in the order written; empty when it says nothing useful.
    static func messages(in payload: Value) -> [String] {
        switch payload {
        case .string(let text):
            return quotedText(text).map { [$0] } ?? []
        case .object(let object):
            var messages: [String] = []
            if let errors = object["errors"] {
                messages += fieldMessages(errors, field: nil)
            }
            for key in ["message", "error_description", "error"] where messages.isEmpty {
                if let value = object[key] { messages += fieldMessages(value, field: nil) }
            }
            return messages
        case .array(let items):
            return items.flatMap { fieldMessages($0, field: nil) }
        default:
            return []
        }
    }

    private static func fieldMessages(_ value: Value, field: String?) -> [String] {
        let prefix = field.map { "\($0): " } ?? ""
        switch value {
        case .string(let text):
            return quotedText(text).map { ["\(prefix)\($0)"] } ?? []
        case .int, .decimal, .double, .bool, .temporal:
            return ["\(prefix)\(ValueText.render(value))"]
        case .array(let items):
            return items.flatMap { fieldMessages($0, field: field) }
        case .object(let object):
            return object.entries.flatMap { entry in
                let name = field.map { "\($0).\(entry.key)" } ?? entry.key
                return fieldMessages(entry.value, field: name)
            }
        case .null, .opaque:
            return []
        }
    }

    private static func quotedText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.count <= maximumTextLength { return trimmed }
        return String(trimmed.prefix(maximumTextLength)) + "…"
    }
}

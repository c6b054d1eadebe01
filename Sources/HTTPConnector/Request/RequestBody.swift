import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation

/// The bytes an `http:request` sends and their `Content-Type` (mule-components §2.4).
///
/// Conduit's values carry no media type, so it comes from the `output` header of the
/// `http:body` expression (`#[output application/x-www-form-urlencoded --- {…}]`) or an explicit
/// `Content-Type` header; without either, a string is sent as text and any other value as JSON.
struct RequestBody: Sendable, Equatable {
    let bytes: [UInt8]
    /// The `Content-Type` to send unless the request sets its own; nil for an empty body.
    let contentType: String?

    static let empty = RequestBody(bytes: [], contentType: nil)

    /// Encodes `value`, declared as `declaredType` (from `output` or a `Content-Type` header);
    /// nil for a structured value declared in a format Conduit cannot write (XML, CSV…).
    static func encode(_ value: Value, declaredType: String?) -> RequestBody? {
        if value.isNull || value == .string("") { return .empty }
        if MediaType.isForm(declaredType), case .object(let object) = value {
            return RequestBody(bytes: Array(FormEncoding.encode(formPairs(object)).utf8),
                               contentType: declaredType ?? "application/x-www-form-urlencoded")
        }
        if MediaType.isJSON(declaredType) {
            return RequestBody(bytes: JSON.encodeBytes(value), contentType: declaredType)
        }
        if case .string(let text) = value {
            return RequestBody(bytes: Array(text.utf8), contentType: declaredType ?? "text/plain; charset=UTF-8")
        }
        if let declaredType, declaredType.lowercased().hasPrefix("text/") {
            return RequestBody(bytes: Array(ValueText.render(value).utf8), contentType: declaredType)
        }
        // `application/java` and `*/*` say nothing about the bytes, so values go as JSON.
        if let declaredType, !["application/java", "*/*"].contains(declaredType.lowercased()) { return nil }
        return RequestBody(bytes: JSON.encodeBytes(value), contentType: "application/json")
    }

    /// The media type the `output` directive of `text` (an `http:body`'s written text) declares:
    /// `#[output application/json --- payload]` gives `application/json`, as does a header with
    /// other directives (`%dw 2.0`, `import …`) around it.
    static func declaredType(in text: String) -> String? {
        let body = Substring(text).drop { $0.isWhitespace }
        guard body.hasPrefix("#["), let separator = body.range(of: "---") else { return nil }
        let words = body[body.index(body.startIndex, offsetBy: 2)..<separator.lowerBound].split(whereSeparator: \.isWhitespace)
        guard let output = words.firstIndex(of: "output"), output + 1 < words.endIndex else { return nil }
        let type = String(words[output + 1])
        return type.contains("/") ? type : nil
    }

    /// A form's fields: each entry as text, an array once per element, null as an empty value.
    private static func formPairs(_ object: ValueObject) -> [(String, String)] {
        NameValuePairs.pairs(object).map { ($0.0, $0.1 ?? "") }
    }
}

import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import NIOCore

/// The bytes an `http:request` sends and their `Content-Type` (mule-components §2.4).
///
/// A payload passed on unchanged (the default body, or `#[payload]`) is sent as its original
/// bytes with its media type. Otherwise the type comes from the `output` header of the
/// `http:body` expression (`#[output application/x-www-form-urlencoded --- {…}]`), an explicit
/// `Content-Type` header, or the value's declared media type, in that order; without any, a
/// string is sent as text and any other value as JSON.
struct RequestBody: Sendable, Equatable {
    let bytes: ByteBuffer
    /// The `Content-Type` to send unless the request sets its own; nil for an empty body.
    let contentType: String?

    static let empty = RequestBody(bytes: ByteBuffer(), contentType: nil)

    /// Encodes `payload`, declared as `declaredType` (from `output` or a `Content-Type` header);
    /// nil for a structured value declared in a format Conduit cannot write.
    static func encode(_ payload: TypedValue, declaredType: String?) throws(FormatError) -> RequestBody? {
        if let content = payload.content {
            guard content.count > 0 else { return .empty }
            return RequestBody(bytes: content.byteBuffer, contentType: payload.mediaType.isUnspecified ? nil : payload.sentMediaType.description)
        }
        if declaredType == nil, let written = try payload.written() {
            return RequestBody(bytes: written.bytes.byteBuffer, contentType: written.mediaType.description)
        }
        return encode(payload.lenientValue, declaredType: declaredType)
    }

    /// Encodes `value`, declared as `declaredType`; nil for a structured value declared in a
    /// format Conduit cannot write (XML, CSV…).
    static func encode(_ value: Value, declaredType: String?) -> RequestBody? {
        if value.isNull || value == .string("") { return .empty }
        let declared = declaredType.flatMap(MediaType.init(parsing:))
        if declared?.essence == MediaType.form.essence, case .object(let object) = value {
            return RequestBody(bytes: ByteBuffer(string: FormEncoding.encode(formPairs(object))),
                               contentType: declaredType ?? "application/x-www-form-urlencoded")
        }
        if declared?.isJSON == true {
            return RequestBody(bytes: ByteBuffer(bytes: JSON.encodeBytes(value)), contentType: declaredType)
        }
        if case .string(let text) = value {
            return RequestBody(bytes: ByteBuffer(string: text), contentType: declaredType ?? "text/plain; charset=UTF-8")
        }
        if let declaredType, let declared, declared.essence.hasPrefix("text/") {
            return RequestBody(bytes: ByteBuffer(string: ValueText.render(value)), contentType: declaredType)
        }
        // `application/java` and `*/*` say nothing about the bytes, so values go as JSON.
        if let declaredType, declared?.isUnspecified != true {
            guard let declared, let format = DataFormats.format(for: declared),
                  let bytes = try? format.write(value, properties: .writer(of: declared, for: format)) else { return nil }
            return RequestBody(bytes: ByteBuffer(bytes: bytes), contentType: declaredType)
        }
        return RequestBody(bytes: ByteBuffer(bytes: JSON.encodeBytes(value)), contentType: "application/json")
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

import FlowCore
import Foundation

/// `dw::core::URL`: `encodeURI`, `decodeURI`, `encodeURIComponent`, `decodeURIComponent` (as
/// JavaScript's functions of those names, which DataWeave follows), `parseURI` and `compose`.
enum URLModule {
    /// What `encodeURIComponent` leaves as it is.
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8)
    /// What `encodeURI` leaves as it is besides: reserved characters and `#`.
    private static let reserved = Set(";,/?:@&=+$#".utf8)

    static let functions: [BuiltinFunction] = [
        text("encodeURI") { encode($0, keeping: { unreserved.contains($0) || reserved.contains($0) }) },
        text("encodeURIComponent") { encode($0, keeping: { unreserved.contains($0) }) },
        text("decodeURI") { decode($0, keepingEscapesOf: reserved) },
        text("decodeURIComponent") { decode($0, keepingEscapesOf: []) },
        BuiltinFunction(name: "parseURI", arity: 1...1, module: .url) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else { throw EvaluationFailure.call("parseURI", arguments[0]) }
            return .object(parse(text))
        },
        BuiltinFunction(name: "compose", arity: 2...2, module: .url) { arguments throws(EvaluationFailure) in
            guard case .array(let parts) = arguments[0], case .array(let values) = arguments[1] else {
                throw EvaluationFailure.call("compose", arguments[0], arguments[1])
            }
            var result = ""
            for (index, part) in parts.enumerated() {
                result += try Coercion.toString(part)
                if index < values.count { result += encode(try Coercion.toString(values[index]), keeping: { unreserved.contains($0) }) }
            }
            return .string(result)
        },
    ]

    private static func text(_ name: String, _ body: @escaping @Sendable (String) -> String) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .url) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .string(let text): return .string(body(text))
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }

    /// `text` with every UTF-8 byte `keeping` refuses written `%XX` (upper-case hex).
    static func encode(_ text: String, keeping: (UInt8) -> Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if keeping(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with its `%XX` escapes decoded, except those of the bytes in `kept`; an escape
    /// that is not one stays as written.
    static func decode(_ text: String, keepingEscapesOf kept: Set<UInt8>) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let decoded = BinaryText.fromHex(String(decoding: bytes[index + 1...index + 2], as: UTF8.self))?.first,
               !kept.contains(decoded) {
                output.append(decoded)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// DataWeave's `URI` object: only the parts the text has, `isValid` false when it does not
    /// parse.
    static func parse(_ text: String) -> ValueObject {
        var object = ValueObject()
        guard let components = URLComponents(string: text) else {
            object.append("isValid", false)
            object.append("raw", .string(text))
            return object
        }
        object.append("isValid", true)
        object.append("raw", .string(text))
        if let host = components.host { object.append("host", .string(host)) }
        if let authority = authority(of: components) { object.append("authority", .string(authority)) }
        if let fragment = components.fragment { object.append("fragment", .string(fragment)) }
        if !components.path.isEmpty { object.append("path", .string(components.path)) }
        if let port = components.port { object.append("port", .int(Int64(port))) }
        if let query = components.query { object.append("query", .string(query)) }
        if let scheme = components.scheme { object.append("scheme", .string(scheme)) }
        if let user = components.user { object.append("user", .string(user)) }
        object.append("isAbsolute", .bool(components.scheme != nil))
        object.append("isOpaque", .bool(components.scheme != nil && components.host == nil && !components.path.hasPrefix("/")))
        return object
    }

    private static func authority(of components: URLComponents) -> String? {
        guard let host = components.host else { return nil }
        var text = ""
        if let user = components.user { text += user + (components.password.map { ":" + $0 } ?? "") + "@" }
        text += host
        if let port = components.port { text += ":\(port)" }
        return text
    }
}

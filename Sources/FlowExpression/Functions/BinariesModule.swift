import FlowCore
import Foundation

/// `dw::core::Binaries`: `fromBase64`, `toBase64`, `fromHex`, `toHex`, `concatWith`,
/// `readLinesWith`, `writeLinesWith`. A String where a Binary is expected is its UTF-8 bytes,
/// as DataWeave coerces it.
enum BinariesModule {
    /// The bytes of a Binary or String argument of `function`.
    static func bytes(_ value: Value, of function: String, _ arguments: [Value]) throws(EvaluationFailure) -> [UInt8] {
        if let bytes = value.binaryBytes { return bytes }
        if case .string(let text) = value { return Array(text.utf8) }
        throw EvaluationFailure.call(function, described: arguments.map(ValueDescription.of))
    }

    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "fromBase64", arity: 1...1, module: .binaries) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else { throw EvaluationFailure.call("fromBase64", arguments[0]) }
            guard let bytes = BinaryText.fromBase64(text) else {
                throw EvaluationFailure("Cannot read \(ValueDescription.of(arguments[0])) as Base64")
            }
            return .binary(bytes)
        },
        BuiltinFunction(name: "toBase64", arity: 1...1, module: .binaries) { arguments throws(EvaluationFailure) in
            .string(BinaryText.toBase64(try bytes(arguments[0], of: "toBase64", arguments)))
        },
        BuiltinFunction(name: "fromHex", arity: 1...1, module: .binaries) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else { throw EvaluationFailure.call("fromHex", arguments[0]) }
            guard let bytes = BinaryText.fromHex(text) else {
                throw EvaluationFailure("Cannot read \(ValueDescription.of(arguments[0])) as hexadecimal")
            }
            return .binary(bytes)
        },
        BuiltinFunction(name: "toHex", arity: 1...1, module: .binaries) { arguments throws(EvaluationFailure) in
            .string(BinaryText.toHex(try bytes(arguments[0], of: "toHex", arguments)))
        },
        BuiltinFunction(name: "concatWith", arity: 2...2, module: .binaries) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, .null): return .null
            case (.null, let other), (let other, .null): return .binary(try bytes(other, of: "concatWith", arguments))
            default: return .binary(try bytes(arguments[0], of: "concatWith", arguments) + bytes(arguments[1], of: "concatWith", arguments))
            }
        },
        BuiltinFunction(name: "readLinesWith", arity: 2...2, module: .binaries) { arguments throws(EvaluationFailure) in
            let text = try TextCharset.decode(try bytes(arguments[0], of: "readLinesWith", arguments), charset: try Coercion.toString(arguments[1]))
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            if lines.last == "" { lines.removeLast() }
            return .array(lines.map(Value.string))
        },
        BuiltinFunction(name: "writeLinesWith", arity: 2...2, module: .binaries) { arguments throws(EvaluationFailure) in
            guard case .array(let items) = arguments[0] else { throw EvaluationFailure.call("writeLinesWith", arguments[0], arguments[1]) }
            var text = ""
            for item in items { text += try Coercion.toString(item) + "\n" }
            return .binary(try TextCharset.encode(text, charset: try Coercion.toString(arguments[1])))
        },
    ]
}

/// Text to and from bytes in a character set named as Java names them.
enum TextCharset {
    static func encoding(_ name: String) throws(EvaluationFailure) -> String.Encoding {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii": return .ascii
        case "iso-8859-1", "iso8859-1", "latin1": return .isoLatin1
        case "utf-16", "utf16", "unicodebig": return .utf16BigEndian
        case "utf-16be", "utf16be": return .utf16BigEndian
        case "utf-16le", "utf16le": return .utf16LittleEndian
        case "utf-32", "utf32": return .utf32BigEndian
        default: throw EvaluationFailure("Unsupported charset '\(name)': use UTF-8, US-ASCII, ISO-8859-1, UTF-16 or UTF-32")
        }
    }

    static func decode(_ bytes: [UInt8], charset: String) throws(EvaluationFailure) -> String {
        let encoding = try encoding(charset)
        if encoding == .utf8 { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(data: Data(bytes), encoding: encoding) else {
            throw EvaluationFailure("The bytes are not valid \(charset)")
        }
        return text
    }

    static func encode(_ text: String, charset: String) throws(EvaluationFailure) -> [UInt8] {
        let encoding = try encoding(charset)
        if encoding == .utf8 { return Array(text.utf8) }
        // Java's UTF-16 writes big-endian after a byte order mark.
        let prefix: [UInt8] = ["utf-16", "utf16", "unicodebig"].contains(charset.lowercased()) ? [0xFE, 0xFF] : []
        guard let data = text.data(using: encoding, allowLossyConversion: true) else {
            throw EvaluationFailure("Cannot write the text as \(charset)")
        }
        return prefix + Array(data)
    }
}

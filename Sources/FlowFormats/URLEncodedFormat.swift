import FlowCore

/// `application/x-www-form-urlencoded`: `name=Mariano&tag=a&tag=b` as an object of Strings that
/// keeps every pair in order (repeated names are repeated keys; `.tag` is the first, `.*tag`
/// all of them), as DataWeave reads form bodies and as the listener reads query strings.
///
/// Reading: pairs split at `&` (empty ones skipped) and at the first `=`; a name without `=`
/// gets `""`; `+` is a space and `%XX` a byte. A field with a malformed escape (`%zz`, a `%` at
/// the end) or escapes that do not make UTF-8 is kept as written, only `+` turned into spaces.
/// Writing: an object whose values are Strings, Numbers, Booleans, null (the name alone) or
/// arrays of them (the name repeated), encoded like Java's `URLEncoder` (letters, digits and
/// `.-*_` kept, space as `+`, everything else `%XX` of its bytes in `encoding`, UTF-8 by default).
public struct URLEncodedFormat: DataFormat {
    /// Creates the format.
    public init() {}

    public var mediaType: String { "application/x-www-form-urlencoded" }
    public var readerPropertyNames: Set<String> { [] }
    public var writerPropertyNames: Set<String> { ["encoding", "bufferSize", "deferred"] }

    public func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value {
        .object(Self.fields(of: bytes.assumingMemoryBound(to: UInt8.self)))
    }

    /// The fields of a form body or query string (without its `?`).
    public static func fields(of text: String) -> ValueObject {
        var text = text
        return text.withUTF8 { fields(of: $0) }
    }

    /// The fields of form-encoded bytes.
    public static func fields(of bytes: UnsafeBufferPointer<UInt8>) -> ValueObject {
        var result = ValueObject()
        var scratch: [UInt8] = []
        var start = 0
        while start < bytes.count {
            var end = start
            var equals: Int?
            while end < bytes.count, bytes[end] != UInt8(ascii: "&") {
                if equals == nil, bytes[end] == UInt8(ascii: "=") { equals = end }
                end += 1
            }
            if end > start {
                let name = decode(bytes, start..<(equals ?? end), scratch: &scratch)
                let value = equals.map { decode(bytes, ($0 + 1)..<end, scratch: &scratch) } ?? ""
                result.append(name, .string(value))
            }
            start = end + 1
        }
        return result
    }

    /// `+` as space and `%XX` as a byte; the field as written (with spaces) when an escape is
    /// malformed or the bytes are not UTF-8, as Foundation's `removingPercentEncoding` refuses them.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: inout [UInt8]) -> String {
        scratch.removeAll(keepingCapacity: true)
        var valid = true
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), valid {
                if index + 2 < range.upperBound,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                {
                    scratch.append(high << 4 | low)
                    index += 3
                    continue
                }
                valid = false
            }
            scratch.append(byte == UInt8(ascii: "+") ? 0x20 : byte)
            index += 1
        }
        if valid, isUTF8(scratch) { return String(decoding: scratch, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            .replacingPlusWithSpace()
    }

    private static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    public func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8] {
        let encoding = try TextEncoding(properties)
        guard case .object(let object) = value else {
            throw FormatError(
                "Cannot write \(value.typeNameWithArticle) as application/x-www-form-urlencoded: expected an Object of names and values")
        }
        var output: [UInt8] = []
        for entry in object.entries {
            let items: ValueArray
            if case .array(let elements) = entry.value { items = elements } else { items = [entry.value] }
            for item in items {
                let text: String?
                if item == .null {
                    text = nil
                } else if let scalar = ScalarText.of(item) {
                    text = scalar
                } else {
                    throw FormatError(
                        "Cannot write the value of \"\(entry.key)\" as a form field: it is \(item.typeNameWithArticle); fields hold Strings, Numbers, Booleans, null or Arrays of them")
                }
                if !output.isEmpty { output.append(UInt8(ascii: "&")) }
                Self.appendEncoded(entry.key, encoding: encoding, to: &output)
                if let text {
                    output.append(UInt8(ascii: "="))
                    Self.appendEncoded(text, encoding: encoding, to: &output)
                }
            }
        }
        return output
    }

    /// `text` as Java's `URLEncoder` writes it.
    private static func appendEncoded(_ text: String, encoding: TextEncoding, to output: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in encoding.encode(Array(text.utf8)) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
    }
}

extension String {
    fileprivate func replacingPlusWithSpace() -> String {
        String(map { $0 == "+" ? " " : $0 })
    }
}

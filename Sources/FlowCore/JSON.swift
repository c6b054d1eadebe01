/// Reading and writing JSON text (RFC 8259) as ``Value``s.
///
/// The decoder is strict: no trailing commas, no comments, no leading zeros, no `NaN`, valid
/// UTF-8 only, nesting at most ``maximumDepth`` levels. Integers that fit in 64 bits become
/// `.int` exactly; other numbers become `.decimal`. The encoder keeps object keys in order and
/// writes numbers without exponents where it can.
public enum JSON {
    /// The deepest nesting of arrays and objects the decoder accepts.
    ///
    /// Deeper input is refused with "nesting too deep" rather than risking the stack.
    public static let maximumDepth = 512

    /// Decodes one JSON value from UTF-8 bytes.
    public static func decode(_ bytes: [UInt8]) throws(JSONSyntaxError) -> Value {
        let result: Result<Value, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var decoder = JSONByteDecoder(buffer)
            return decoder.decodeDocument()
        }
        return try result.get()
    }

    /// Decodes one JSON value from text.
    public static func decode(_ text: String) throws(JSONSyntaxError) -> Value {
        var text = text
        let result: Result<Value, JSONSyntaxError> = text.withUTF8 { buffer in
            var decoder = JSONByteDecoder(buffer)
            return decoder.decodeDocument()
        }
        return try result.get()
    }

    /// Compact JSON text: no whitespace, keys in order, control characters escaped, `/` not escaped.
    public static func encode(_ value: Value) -> String {
        String(decoding: encodeBytes(value), as: UTF8.self)
    }

    /// Compact JSON as UTF-8 bytes (the same text as ``encode(_:)``).
    public static func encodeBytes(_ value: Value) -> [UInt8] {
        var encoder = JSONByteEncoder(pretty: false)
        encoder.write(value, depth: 0)
        return encoder.finished()
    }

    /// Indented JSON text: two spaces per level, `"key": value`, one member per line.
    public static func encodePretty(_ value: Value) -> String {
        var encoder = JSONByteEncoder(pretty: true)
        encoder.write(value, depth: 0)
        return String(decoding: encoder.finished(), as: UTF8.self)
    }

    /// JSON as DataWeave writes it with `indent=false`: one line, a space after each key's
    /// colon and none after commas (`{"a": 1,"b": [true]}`).
    public static func encodeSpacedBytes(_ value: Value) -> [UInt8] {
        var encoder = JSONByteEncoder(pretty: false)
        encoder.spaceAfterColon = true
        encoder.write(value, depth: 0)
        return encoder.finished()
    }
}

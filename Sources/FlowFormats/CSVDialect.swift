/// The characters that give CSV text its structure, from the `separator`, `quote` and `escape`
/// properties the reader and the writer share.
///
/// Each must be one ASCII character, so the reader can scan bytes. An `escape` equal to `quote`,
/// or empty, means RFC 4180's doubled quotes (`"say ""hi"""`); DataWeave's default is a
/// backslash (`"say \"hi\""`). Doubled quotes are always accepted when reading.
struct CSVDialect {
    let separator: UInt8
    let quote: UInt8
    /// The escape character, or nil when quotes are escaped by doubling them.
    let escape: UInt8?

    init(_ properties: FormatProperties) throws(FormatError) {
        separator = try Self.character("separator", in: properties, default: ",", allowEmpty: false)!
        quote = try Self.character("quote", in: properties, default: "\"", allowEmpty: false)!
        let escape = try Self.character("escape", in: properties, default: "\\", allowEmpty: true)
        self.escape = escape == quote ? nil : escape
        if separator == quote {
            throw FormatError("Properties 'separator' and 'quote' must be different characters")
        }
        if let escape = self.escape, escape == separator {
            throw FormatError("Properties 'separator' and 'escape' must be different characters")
        }
        for byte in [separator, quote] + (self.escape.map { [$0] } ?? []) where byte == 0x0A || byte == 0x0D {
            throw FormatError("CSV properties cannot use a line break as a separator, quote or escape")
        }
    }

    /// The single ASCII character of a property, nil for an empty string where that is allowed.
    private static func character(
        _ name: String, in properties: FormatProperties, default defaultValue: String, allowEmpty: Bool
    ) throws(FormatError) -> UInt8? {
        let text = try properties.string(name, default: defaultValue)
        if text.isEmpty, allowEmpty { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] < 0x80 else {
            throw FormatError("Property '\(name)' must be a single ASCII character, not \"\(text)\"")
        }
        return bytes[0]
    }
}

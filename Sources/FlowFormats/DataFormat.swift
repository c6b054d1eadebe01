import FlowCore

/// A data format DataWeave and the HTTP components read and write: JSON, plain text, CSV, XML,
/// form bodies.
///
/// One value per MIME type, looked up in ``DataFormats``. The expression language's `output`
/// directive, `read` and `write` functions, the listener (request bodies by `Content-Type`) and
/// `http:request` (response bodies) all go through this protocol, so a format added here is
/// known everywhere at once.
public protocol DataFormat: Sendable {
    /// The MIME type's essence, lower-cased, without parameters: `application/json`.
    var mediaType: String { get }

    /// The reader properties this format understands (`header`, `separator` for CSV), checked
    /// at load time so a misspelt property is a located error rather than ignored.
    var readerPropertyNames: Set<String> { get }

    /// The writer properties this format understands (`indent`, `skipNullOn` for JSON).
    var writerPropertyNames: Set<String> { get }

    /// The writer properties that shape the text so that a reader needs the same ones to read
    /// it back (CSV's `separator`): a script's `output` keeps them as parameters of the written
    /// payload's media type (`application/csv; separator=;`), as Mule does, so the next
    /// component reads what was written.
    var textShapingPropertyNames: Set<String> { get }

    /// Parses `bytes` into a value. Errors name what is wrong and, where the format has lines,
    /// where.
    func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value

    /// Writes `value` in this format. Errors say which value the format cannot hold
    /// (`Cannot write an Array as text/plain`).
    func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8]
}

extension DataFormat {
    /// None by default: the format reads its own text without being told how it was written.
    public var textShapingPropertyNames: Set<String> { [] }

    /// Parses `bytes` into a value.
    public func read(_ bytes: [UInt8], properties: FormatProperties = FormatProperties()) throws(FormatError) -> Value {
        let result: Result<Value, FormatError> = bytes.withUnsafeBytes { buffer in
            do throws(FormatError) { return .success(try read(buffer, properties: properties)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses UTF-8 `text` into a value.
    public func read(_ text: String, properties: FormatProperties = FormatProperties()) throws(FormatError) -> Value {
        try read(Array(text.utf8), properties: properties)
    }

    /// Writes `value` as UTF-8 text.
    public func writeText(_ value: Value, properties: FormatProperties = FormatProperties()) throws(FormatError) -> String {
        String(decoding: try write(value, properties: properties), as: UTF8.self)
    }
}

extension DataFormat {
    /// Throws for the first property (alphabetically) this format's reader does not know, naming
    /// the closest known one, so `read(x, "application/csv", {seperator: ";"})` or a misspelt
    /// reader property fails at load time instead of being ignored.
    public func checkReaderProperties(_ properties: FormatProperties) throws(FormatError) {
        try Self.check(properties, against: readerPropertyNames, role: "reader", mediaType: mediaType)
    }

    /// Throws for the first property (alphabetically) this format's writer does not know
    /// (`output application/json indnet=false`), naming the closest known one.
    public func checkWriterProperties(_ properties: FormatProperties) throws(FormatError) {
        try Self.check(properties, against: writerPropertyNames, role: "writer", mediaType: mediaType)
    }

    private static func check(
        _ properties: FormatProperties, against known: Set<String>, role: String, mediaType: String
    ) throws(FormatError) {
        guard let unknown = properties.values.keys.sorted().first(where: { !known.contains($0) }) else { return }
        var message = "Unknown \(role) property '\(unknown)' for \(mediaType)"
        if let closest = PropertyNameSuggestion.closest(to: unknown, in: known) {
            message += "; did you mean '\(closest)'?"
        } else if known.isEmpty {
            message += "; it has no \(role) properties"
        } else {
            message += "; known: \(known.sorted().joined(separator: ", "))"
        }
        throw FormatError(message)
    }
}

import FlowCore

/// A value with its media type, as Mule's `TypedValue` holds every payload: what a flow's
/// expressions read (``value``) and how its bytes are written (``mediaType``).
///
/// A body received from outside (an HTTP request or response) is kept as its original bytes and
/// read by its media type through ``DataFormats`` the first time something reads the value, once,
/// whoever asks. Until a component replaces the payload the bytes stay available (``content``),
/// so a listener or `http:request` sends them on byte for byte: `{"n": 1.50}` goes out as it came,
/// and a signature computed over the body still verifies. Bytes that are not valid in their media
/// type fail only when read, with a ``ContentReadError`` naming the line and column.
///
/// A value type one reference (or one ``Value``) wide: events carry it by copy.
public struct TypedValue: Sendable {
    private enum Storage: Sendable {
        /// A value without a declared format (`application/java`).
        case value(Value)
        /// A value to be written in a declared media type (a DataWeave `output`).
        case declared(DeclaredValue)
        /// Bytes in a media type, read on first use.
        case encoded(EncodedContent)
        /// Values a connector fetches a page at a time (``PagedValues``).
        case paged(any PagedValues)
    }

    /// A value and the media type it is to be written in.
    private final class DeclaredValue: Sendable {
        let value: Value
        let mediaType: MediaType

        init(value: Value, mediaType: MediaType) {
            self.value = value
            self.mediaType = mediaType
        }
    }

    private let storage: Storage

    /// A value with no declared format (`application/java`): what a component produces without
    /// saying how it is written. The HTTP components send a string as text and anything else as JSON.
    public init(_ value: Value) {
        storage = .value(value)
    }

    /// A value to be written as `mediaType` (DataWeave's `output application/json`, with the
    /// writer properties as parameters: `application/json; indent=false`). The value is the
    /// value: a string declared JSON is written as a JSON string.
    public init(_ value: Value, mediaType: MediaType) {
        storage = mediaType.isUnspecified && mediaType.parameters.isEmpty
            ? .value(value) : .declared(DeclaredValue(value: value, mediaType: mediaType))
    }

    /// Bytes in `mediaType`, read into a value the first time one is asked for.
    public init(content bytes: some ContentBytes, mediaType: MediaType) {
        storage = .encoded(EncodedContent(bytes: bytes, mediaType: mediaType))
    }

    /// Bytes in `mediaType` whose value is already known: a writer's output, sent as these bytes
    /// and read as `value` without parsing them again.
    public init(content bytes: some ContentBytes, mediaType: MediaType, value: Value) {
        storage = .encoded(EncodedContent(bytes: bytes, mediaType: mediaType, value: value))
    }

    /// Values fetched a page at a time (a paged operation's result): a `foreach` walks the
    /// pages; the engine fetches them all into one array (``init(_:)``) before anything else
    /// reads the payload. ``value`` refuses until then.
    public init(pages: any PagedValues) {
        storage = .paged(pages)
    }

    /// The pages when this is a paged result not yet fetched, else nil.
    public var pages: (any PagedValues)? {
        if case .paged(let pages) = storage { return pages }
        return nil
    }

    /// `value` labelled `mediaType` the way Mule's `mimeType` attribute labels a result
    /// (`<set-payload value='{"a": 1}' mimeType="application/json"/>`): a string labelled with a
    /// format other than text is that format's text, read when something reads the payload
    /// (`payload.a` is 1); any other value is declared as by ``init(_:mediaType:)``.
    public static func labelling(_ value: Value, as mediaType: MediaType) -> TypedValue {
        if case .string(let text) = value, let format = DataFormats.format(for: mediaType), !(format is TextFormat) {
            return TypedValue(content: Array(text.utf8), mediaType: mediaType)
        }
        return TypedValue(value, mediaType: mediaType)
    }

    /// The media type: the received `Content-Type`, the declared `output`, or `application/java`.
    public var mediaType: MediaType {
        switch storage {
        case .value, .paged: .java
        case .declared(let declared): declared.mediaType
        case .encoded(let content): content.mediaType
        }
    }

    /// The value, read from the bytes on first use; throws when they are not valid in the media type.
    public var value: Value {
        get throws(ContentReadError) {
            switch storage {
            case .value(let value): return value
            case .declared(let declared): return declared.value
            case .encoded(let content): return try content.value()
            case .paged: throw Self.unfetchedPages
            }
        }
    }

    /// What reading a paged result's value says when its pages were not fetched first (the
    /// engine fetches them before any component reads the payload; a component reached some
    /// other way sees this rather than a partial array).
    private static let unfetchedPages = ContentReadError(
        mediaType: .java, failure: FormatError("a paged result is read only through foreach or after its pages are fetched"))

    /// Hands the rows of CSV bytes not yet read to `body` one at a time, with their index, until
    /// it returns false: what `payload map …` uses, so that each row is read, mapped and let go
    /// in turn instead of all rows being read first. The rest is read after `body` stops, and
    /// bytes that are not valid CSV throw as ``value`` would (they are checked after the rows
    /// handed on, not before). A row `body` does not keep is refilled for the next one.
    ///
    /// Returns false, handing nothing, for anything else (other media types, content already
    /// read, a charset other than UTF-8, rows asked for while this content's rows are being
    /// handed on): read ``value`` instead.
    public func forEachRow(_ body: (Value, Int) -> Bool) throws(ContentReadError) -> Bool {
        guard case .encoded(let content) = storage else { return false }
        return try content.forEachRow(body)
    }

    /// The value at the key path `path` (`payload.company.id`) in JSON bytes not yet read,
    /// found without reading the rest of them: a log line's `payload.id` of a large answer makes
    /// one value instead of the whole tree. The same value as selecting from ``value``; nil for
    /// anything else and whenever only reading the whole value can tell (invalid bytes, a path
    /// through an array): read ``value`` then.
    public func member(at path: [String]) -> Value? {
        guard case .encoded(let content) = storage else { return nil }
        return content.member(at: path)
    }

    /// The bytes as received or written, when the value came as bytes: what to send on unchanged.
    public var content: (any ContentBytes)? {
        if case .encoded(let content) = storage { return content.bytes }
        return nil
    }

    /// Why the bytes do not read as the media type (reading them now if nothing has), or nil.
    public var readError: ContentReadError? {
        if case .encoded(let content) = storage { return content.readError }
        return nil
    }

    /// The value, or the bytes as text when they do not read as the media type: for logs and
    /// error messages, which show what arrived rather than fail.
    public var lenientValue: Value {
        switch storage {
        case .value(let value): return value
        case .declared(let declared): return declared.value
        case .encoded(let content):
            if let value = try? content.value() { return value }
            return .string(content.bytes.withUnsafeBytes { CharsetDecoding.text($0, charset: content.mediaType.charset) })
        case .paged:
            return .string("(paged result, pages not fetched)")
        }
    }

    /// Whether `other` is this very payload (the same received bytes), not merely an equal one.
    public func isIdentical(to other: TypedValue) -> Bool {
        switch (storage, other.storage) {
        case (.encoded(let mine), .encoded(let theirs)): mine === theirs
        case (.declared(let mine), .declared(let theirs)): mine === theirs
        default: false
        }
    }
}

extension TypedValue: Hashable {
    /// Equal media types and equal values (bytes that do not read compare as bytes).
    public static func == (lhs: TypedValue, rhs: TypedValue) -> Bool {
        guard lhs.mediaType == rhs.mediaType else { return false }
        switch (lhs.storage, rhs.storage) {
        case (.paged(let mine), .paged(let theirs)): return mine === theirs
        case (.paged, _), (_, .paged): return false
        default: break
        }
        switch (try? lhs.value, try? rhs.value) {
        case (let left?, let right?): return left == right
        case (nil, nil): return lhs.content?.byteArray == rhs.content?.byteArray
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mediaType)
    }
}

extension TypedValue: CustomStringConvertible {
    /// The value as text, with its media type unless it has none declared.
    public var description: String {
        mediaType == .java ? "\(lenientValue)" : "\(lenientValue) (\(mediaType))"
    }
}

import Atomics
import FlowCore
import Synchronization

/// Bytes in a media type and the value they read as, read at most once: the first reader parses,
/// everyone after gets the stored result.
///
/// Reading is lock-free: a read is one atomic load once the value is known. Two threads reading a
/// fresh body at the same moment may both parse it; the first result stored wins and both return
/// it, so every reader sees the same value (parsing is pure, so the loser's work is only wasted).
final class EncodedContent: Sendable {
    /// The outcome of reading, boxed so it can be published with one atomic store.
    final class Reading: Sendable {
        let result: Result<Value, ContentReadError>

        init(_ result: Result<Value, ContentReadError>) {
            self.result = result
        }
    }

    let bytes: any ContentBytes
    let mediaType: MediaType
    private let reading = ManagedAtomicLazyReference<Reading>()
    /// Set while ``forEachRow(_:)`` hands rows on: a reader that asks for rows meanwhile (a
    /// `payload map` inside the lambda of another) reads the value instead, stored for every
    /// later reader, rather than parse the bytes again for each outer row.
    private let handingRows = Atomic<Bool>(false)
    /// Where the members of JSON bytes lie, once ``member(at:)`` has looked.
    private let objectIndex = ManagedAtomicLazyReference<Indexed>()

    init(bytes: any ContentBytes, mediaType: MediaType) {
        self.bytes = bytes
        self.mediaType = mediaType
    }

    /// Content whose value is already known, such as a writer's output.
    init(bytes: any ContentBytes, mediaType: MediaType, value: Value) {
        self.bytes = bytes
        self.mediaType = mediaType
        _ = reading.storeIfNilThenLoad(Reading(.success(value)))
    }

    /// The value, read on first use.
    func value() throws(ContentReadError) -> Value {
        try (reading.load() ?? read()).result.get()
    }

    /// The read's failure, reading now if nothing has yet.
    var readError: ContentReadError? {
        if case .failure(let error) = (reading.load() ?? read()).result { return error }
        return nil
    }

    /// Hands the rows of CSV bytes not yet read to `body` one at a time (see
    /// ``TypedValue/forEachRow(_:)``); false, handing nothing, for anything else. A failure to
    /// read is kept as ``value()`` would keep it.
    func forEachRow(_ body: (Value, Int) -> Bool) throws(ContentReadError) -> Bool {
        guard reading.load() == nil, bytes.count > 0, let format = DataFormats.format(for: mediaType) as? CSVFormat,
              CharsetDecoding.isUTF8(mediaType.charset),
              handingRows.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
        else { return false }
        defer { handingRows.store(false, ordering: .releasing) }
        let properties = FormatProperties.reader(of: mediaType, for: format)
        let outcome: Result<Void, FormatError> = bytes.withUnsafeBytes { buffer in
            do throws(FormatError) { return .success(try format.forEachRow(buffer, properties: properties, body)) } catch { return .failure(error) }
        }
        if case .failure(let failure) = outcome {
            let error = ContentReadError(mediaType: mediaType, failure: failure)
            _ = reading.storeIfNilThenLoad(Reading(.failure(error)))
            throw error
        }
        return true
    }

    /// The value at the key path `path` in JSON bytes not yet read, selected through an index of
    /// the top-level object's members (made on first use, kept) without reading the rest
    /// (``JSONObjectIndex``); nil when the value is already known, for other media types, and
    /// whenever only reading the value can tell (bytes that are not valid JSON, a path through
    /// an array): read ``value()`` then.
    func member(at path: [String]) -> Value? {
        guard !path.isEmpty, reading.load() == nil, bytes.count > 0,
              let format = DataFormats.format(for: mediaType) as? JSONFormat
        else { return nil }
        let indexed = objectIndex.load() ?? objectIndex.storeIfNilThenLoad(Indexed(bytes.withUnsafeBytes { buffer in
            format.indexObject(buffer, properties: FormatProperties.reader(of: mediaType, for: format))
        }))
        guard let index = indexed.index else { return nil }
        return bytes.withUnsafeBytes { index.member(at: path[...], in: $0) }
    }

    /// The outcome of indexing, boxed so it can be published with one atomic store.
    final class Indexed: Sendable {
        let index: JSONObjectIndex?

        init(_ index: JSONObjectIndex?) {
            self.index = index
        }
    }

    @inline(never)
    private func read() -> Reading {
        reading.storeIfNilThenLoad(Reading(Self.decode(bytes, as: mediaType)))
    }

    /// Reads `bytes` as `mediaType`: empty bytes are null; a known format reads them with the
    /// type's parameters as reader properties; anything else (and `application/octet-stream`,
    /// since Conduit's values have no binary type) is text in the type's `charset`.
    static func decode(_ bytes: any ContentBytes, as mediaType: MediaType) -> Result<Value, ContentReadError> {
        guard bytes.count > 0 else { return .success(.null) }
        let charset = mediaType.charset
        guard let format = DataFormats.format(for: mediaType) else {
            return .success(.string(bytes.withUnsafeBytes { CharsetDecoding.text($0, charset: charset) }))
        }
        let properties = FormatProperties.reader(of: mediaType, for: format)
        // JSON is UTF-8 whatever a charset parameter says (RFC 8259); other text formats are
        // handed UTF-8.
        let transcoded: [UInt8]? = mediaType.isJSON || CharsetDecoding.isUTF8(charset)
            ? nil : Array(bytes.withUnsafeBytes { CharsetDecoding.text($0, charset: charset) }.utf8)
        do throws(FormatError) {
            if let transcoded { return .success(try format.read(transcoded, properties: properties)) }
            let result: Result<Value, FormatError> = bytes.withUnsafeBytes { buffer in
                do throws(FormatError) { return .success(try format.read(buffer, properties: properties)) } catch { return .failure(error) }
            }
            return .success(try result.get())
        } catch {
            return .failure(ContentReadError(mediaType: mediaType, failure: error))
        }
    }
}

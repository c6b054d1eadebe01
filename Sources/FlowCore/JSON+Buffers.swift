/// Decoding from and encoding into memory the caller owns, so that a body can go between a
/// network buffer and a ``Value`` without an intermediate `[UInt8]` copy.
///
/// FlowCore stays independent of NIO: a `ByteBuffer`'s readable bytes are decoded in place with
/// `buffer.withUnsafeReadableBytes { try JSON.decode($0) }` (or `JSON.decode(buffer.readableBytesView)`),
/// and a value is written into one with `JSON.encode(value) { buffer.writeBytes($0) }`.
extension JSON {
    /// Decodes one JSON value from UTF-8 bytes in memory the caller owns; the bytes are read in
    /// place and only for the duration of the call.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> Value {
        let result: Result<Value, JSONSyntaxError> = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            var decoder = JSONByteDecoder(buffer)
            return decoder.decodeDocument()
        }
        return try result.get()
    }

    /// Decodes one JSON value from UTF-8 bytes in any collection: read in place when the
    /// collection stores them contiguously (`ArraySlice`, `Data`, NIO's `ByteBufferView`), else
    /// copied once.
    public static func decode(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> Value {
        let result: Result<Value, JSONSyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            var decoder = JSONByteDecoder(buffer)
            return decoder.decodeDocument()
        }
        if let result { return try result.get() }
        return try decode(Array(bytes))
    }

    /// Appends the compact JSON of `value` (the text of ``encode(_:)``) to `output`, so that a
    /// caller can reuse one buffer, or put the JSON after bytes it already holds.
    public static func encode(_ value: Value, into output: inout [UInt8]) {
        var taken: [UInt8] = []
        swap(&taken, &output)
        var encoder = JSONByteEncoder(pretty: false, output: consume taken)
        encoder.write(value, depth: 0)
        output = encoder.finished()
    }

    /// Writes the compact JSON of `value` (the text of ``encode(_:)``) to `write`, in order, in
    /// chunks of about ``encodingChunkSize`` bytes, so that a large document never exists whole
    /// outside the caller's buffer. Each chunk is valid only during its call.
    public static func encode(_ value: Value, chunks write: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(write) { write in
            var encoder = JSONByteEncoder(chunks: write, chunkSize: encodingChunkSize)
            encoder.write(value, depth: 0)
            encoder.flush()
        }
    }

    /// About how many bytes ``encode(_:chunks:)`` gathers before handing them on (a string or
    /// number is never split, so a chunk can be longer).
    public static let encodingChunkSize = 16 * 1024
}

extension JSON {
    /// Where the members of the JSON object in `bytes` lie (``JSONObjectIndex``), found in one
    /// pass that checks the whole document; nil when the bytes are not valid JSON or are neither
    /// an object nor null.
    public static func indexObject(_ bytes: UnsafeRawBufferPointer) -> JSONObjectIndex? {
        bytes.withMemoryRebound(to: UInt8.self) { buffer in
            var decoder = JSONByteDecoder(buffer)
            return decoder.indexObject()
        }
    }
}

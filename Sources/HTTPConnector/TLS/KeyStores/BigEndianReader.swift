/// Reads the big-endian fields of a Java key store (`DataInputStream`'s encoding) from bytes,
/// never past their end: a short read throws, so a truncated or damaged file is an error, not a
/// crash.
struct BigEndianReader {
    /// The field could not be read: the bytes end before it (`offset` is where it starts).
    struct EndOfData: Error {
        let offset: Int
    }

    let bytes: [UInt8]
    /// Where the next field starts.
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// How many bytes are left.
    var remaining: Int { bytes.count - offset }

    mutating func readBytes(_ count: Int) throws(EndOfData) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw EndOfData(offset: offset) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func skip(_ count: Int) throws(EndOfData) {
        _ = try readBytes(count)
    }

    mutating func readUInt8() throws(EndOfData) -> UInt8 {
        try readBytes(1).first!
    }

    mutating func readUInt16() throws(EndOfData) -> UInt16 {
        let field = try readBytes(2)
        return field.reduce(0) { $0 << 8 | UInt16($1) }
    }

    mutating func readUInt32() throws(EndOfData) -> UInt32 {
        let field = try readBytes(4)
        return field.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func readUInt64() throws(EndOfData) -> UInt64 {
        let field = try readBytes(8)
        return field.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A `DataOutputStream.writeUTF` string: a 2-byte length, then modified UTF-8 (which differs
    /// from UTF-8 only for NUL and characters outside the BMP; aliases rarely hold either, and a
    /// sequence that does not decode is kept as U+FFFD rather than refused).
    mutating func readUTF() throws(EndOfData) -> String {
        let length = Int(try readUInt16())
        return String(decoding: try readBytes(length), as: UTF8.self)
    }
}

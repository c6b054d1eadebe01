extension UInt64 {
    /// Nonzero exactly when one of the eight bytes of this word is `byte`: the scanners that
    /// look at text eight bytes at a time (the JSON writer's escapes, the CSV reader's field ends)
    /// OR these together for several bytes and test once, without a branch per byte. By the usual
    /// test for a zero byte in the word XOR `byte` repeated (which bits are set is not exact; that
    /// none is, is).
    @inlinable @inline(__always)
    public func bytesEqual(to byte: UInt8) -> UInt64 {
        bytesEqual(toEachOf: UInt64(repeating: byte))
    }

    /// ``bytesEqual(to:)`` with the byte already repeated in each byte of `repeated` (from
    /// ``init(repeating:)``), for a scanner that looks for the same byte in word after word.
    @inlinable @inline(__always)
    public func bytesEqual(toEachOf repeated: UInt64) -> UInt64 {
        let difference = self ^ repeated
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    /// Where, in a word loaded from memory on a little-endian machine, the first byte lies that
    /// a nonzero mask from ``bytesEqual(to:)`` (or several ORed) marks: 0 to 7. Exact, though the
    /// mask's other bits are not: a wrong mark comes only from the borrow out of a true match,
    /// so it lies in a later byte.
    @inlinable @inline(__always)
    public var firstMarkedByte: Int { trailingZeroBitCount >> 3 }

    /// `byte` in each of the eight bytes.
    @inlinable @inline(__always)
    public init(repeating byte: UInt8) {
        self = 0x0101_0101_0101_0101 &* UInt64(byte)
    }
}

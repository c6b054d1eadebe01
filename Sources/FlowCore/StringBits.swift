/// A `String`'s two machine words, read without retaining it: what key lookups and the JSON
/// writer use to compare and scan short strings without a call.
///
/// Swift keeps a string of up to 15 UTF-8 bytes inline ("small"): its bytes in the two words,
/// its length and flags in the top byte. Two inline ASCII strings are equal exactly when their
/// words are. The layout is checked once per process against strings made the public way; where
/// it is not the known one, ``isSmall`` is always false and callers take the public path.
public struct StringBits: Equatable, Sendable {
    let low: UInt64
    let high: UInt64

    @inline(__always)
    init(_ text: String) {
        // Elsewhere (32-bit platforms) the words read as an out-of-line string: the public path.
        if MemoryLayout<String>.size == 16 {
            (low, high) = unsafeBitCast(text, to: (UInt64, UInt64).self)
        } else {
            (low, high) = (0, 0)
        }
    }

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Reads the words of the `String` stored at `address`, retaining nothing.
    @inline(__always)
    init(at address: UnsafeRawPointer) {
        low = address.loadUnaligned(as: UInt64.self)
        high = address.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    }

    /// Whether the string is stored inline (and the layout is the known one).
    @inline(__always)
    var isSmall: Bool { high & Self.smallFlag != 0 && Self.layoutIsKnown }

    /// Whether the string is stored inline and is all ASCII (and the layout is the known one).
    /// Two such strings are equal exactly when their words are: ASCII text has no other
    /// canonically equivalent spelling, which non-ASCII text can have (`é` and `e` + U+0301).
    @inline(__always)
    var isSmallASCII: Bool { high & Self.smallASCIIFlags == Self.smallASCIIFlags && Self.layoutIsKnown }

    /// A small string's UTF-8 length.
    @inline(__always)
    var smallCount: Int { Int((high >> 56) & 0x0F) }

    /// Bit 61 of the object word marks an inline string on 64-bit platforms.
    static let smallFlag: UInt64 = 1 << 61
    /// Bit 62 marks an inline string as all ASCII.
    static let smallASCIIFlags: UInt64 = 1 << 61 | 1 << 62

    /// The string of up to 15 ASCII bytes, made inline from its words without validating or
    /// allocating; nil for longer or non-ASCII bytes, or where the layout is not the known one.
    /// A reader making many strings keeps a ``SmallASCIIStrings`` instead, which checks the
    /// layout once.
    public static func smallASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        SmallASCIIStrings().string(bytes)
    }

    /// The words of the inline ASCII string of `count` (at most 15) bytes at `base`, read with
    /// a few overlapping loads rather than byte by byte.
    @inlinable @inline(__always)
    static func inlineWords(_ base: UnsafePointer<UInt8>, count: Int) -> (low: UInt64, high: UInt64) {
        let raw = UnsafeRawPointer(base)
        var low: UInt64 = 0, high: UInt64 = 0
        if count >= 8 {
            low = raw.loadUnaligned(as: UInt64.self)
            if count > 8 {
                // The last eight bytes, shifted so that byte 8 comes first.
                high = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> UInt64(8 * (16 - count))
            }
        } else if count >= 4 {
            let first = UInt64(raw.loadUnaligned(as: UInt32.self))
            let last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            low = first | (last >> UInt64(8 * (8 - count))) << 32
        } else {
            for index in 0..<count { low |= UInt64(base[index]) << UInt64(8 * index) }
        }
        return (low, high | (smallASCIIDiscriminator | UInt64(count)) << 56)
    }

    /// The top byte's flags of an inline ASCII string (its length goes in the low nibble), as
    /// the standard library sets them; checked by ``layoutIsKnown``.
    @usableFromInline static let smallASCIIDiscriminator: UInt64 = 0xE0

    /// Whether strings made by `String(decoding:as:)` read back as the known layout: the bytes
    /// first, the count in the top byte's low nibble, the small flag set, and longer strings
    /// without it.
    @usableFromInline static let layoutIsKnown: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples = ["", "a", "origin_id", "0123456789abcde", "é€"]
        for sample in samples {
            let text = String(decoding: Array(sample.utf8), as: UTF8.self)
            let bits = StringBits(text)
            guard bits.high & smallFlag != 0, Int((bits.high >> 56) & 0x0F) == text.utf8.count,
                (bits.high & smallASCIIFlags == smallASCIIFlags) == text.utf8.allSatisfy({ $0 < 0x80 })
            else { return false }
            var words = (bits.low, bits.high & 0x00FF_FFFF_FFFF_FFFF)
            let stored = withUnsafeBytes(of: &words) { Array($0.prefix(text.utf8.count)) }
            guard stored == Array(text.utf8) else { return false }
        }
        let long = String(decoding: Array("0123456789abcdef".utf8), as: UTF8.self)
        guard StringBits(long).high & smallFlag == 0 else { return false }
        // Inline ASCII strings made from their words must be the very strings the standard
        // library makes.
        for sample in ["a", "id", "zip", "code", "state", "origin", "P100000", "2026-1-1", "origin_id", "0123456789abcde"] {
            let utf8 = Array(sample.utf8)
            let made = String(decoding: utf8, as: UTF8.self)
            let words = utf8.withUnsafeBufferPointer { inlineWords($0.baseAddress!, count: $0.count) }
            guard StringBits(made) == StringBits(low: words.low, high: words.high) else { return false }
        }
        return true
    }()
}

/// Makes short ASCII strings inline from their bytes (``StringBits/smallASCII(_:)``), with the
/// layout check made once when it is created: a reader that makes a string per field (a CSV's)
/// keeps one, and each string costs a few loads and no call.
public struct SmallASCIIStrings: Sendable {
    @usableFromInline let layoutIsKnown: Bool

    public init() { layoutIsKnown = StringBits.layoutIsKnown }

    /// The string of up to 15 ASCII bytes, made inline from its words without validating or
    /// allocating; nil for longer or non-ASCII bytes, or where the layout is not the known one.
    @inlinable @inline(__always)
    public func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count <= 15, let base = bytes.baseAddress, layoutIsKnown else { return nil }
        var words = StringBits.inlineWords(base, count: bytes.count)
        guard (words.low | words.high & 0x00FF_FFFF_FFFF_FFFF) & 0x8080_8080_8080_8080 == 0 else { return nil }
        // Moved out of the words rather than bit-cast: a cast copies the new string, a call to
        // retain it (that does nothing for an inline string) per field.
        return withUnsafeMutableBytes(of: &words) { $0.baseAddress!.assumingMemoryBound(to: String.self).move() }
    }
}

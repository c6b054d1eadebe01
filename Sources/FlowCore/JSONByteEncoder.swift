import Foundation

/// Writes ``Value``s as JSON bytes for ``JSON/encode(_:)`` and ``JSON/encodePretty(_:)``.
struct JSONByteEncoder {
    /// The bytes written so far, except the last few still in ``staging`` (``finished()`` moves them).
    private var output: [UInt8] = []
    /// Where bytes gather before going to `output` in one append: most writes are a byte or a
    /// short run, and appending each to an Array checks its capacity and uniqueness every time.
    private let staging = StagingBuffer()
    /// How many bytes `staging` holds.
    private var staged = 0
    /// Whether strings kept inline can be written from their words (``StringBits``), checked
    /// once per encoder rather than per string.
    private let inlineStrings = StringBits.layoutIsKnown
    /// ``stringValuesStartWithTheirString``, read once per encoder.
    private let stringValuesAreTheirString = Self.stringValuesStartWithTheirString
    private let pretty: Bool
    /// A space after each key's colon without indenting (`{"a": 1,"b": 2}`), DataWeave's
    /// `indent=false` layout.
    var spaceAfterColon = false
    /// Where ``flush()`` hands the bytes gathered so far (``JSON/encode(_:chunks:)``); nil keeps
    /// them all in ``output``.
    private let chunks: ((UnsafeRawBufferPointer) -> Void)?
    /// How many gathered bytes make the encoder flush, checked after each array element and
    /// object member; `Int.max` (never) without `chunks`.
    private let chunkSize: Int

    init(pretty: Bool) {
        self.pretty = pretty
        chunks = nil
        chunkSize = .max
        output.reserveCapacity(256)
    }

    /// Appends to `output` (``JSON/encode(_:into:)``); pass it consumed, so that appending does
    /// not copy it.
    init(pretty: Bool, output: [UInt8]) {
        self.pretty = pretty
        self.output = output
        chunks = nil
        chunkSize = .max
    }

    /// Hands compact JSON to `chunks` whenever about `chunkSize` bytes have gathered.
    init(chunks: @escaping (UnsafeRawBufferPointer) -> Void, chunkSize: Int) {
        pretty = false
        self.chunks = chunks
        self.chunkSize = chunkSize
        output.reserveCapacity(256)
    }

    /// Hands the gathered bytes to `chunks` and starts over in the same storage.
    mutating func flush() {
        drain()
        guard let chunks, !output.isEmpty else { return }
        output.withUnsafeBytes(chunks)
        output.removeAll(keepingCapacity: true)
    }

    mutating func write(_ value: Value, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): writeInteger(number)
        case .decimal(let number): writeDecimal(number)
        case .double(let number): emit(DecimalFormatting.text(number))
        case .string(let text): writeString(text)
        // Dates as DataWeave's JSON writer puts them: ISO text in a string.
        case .temporal(let temporal): writeString(temporal.isoText)
        // A Binary is written as its text (as DataWeave's JSON writer does, lossily when the
        // bytes are not UTF-8); DataWeave cannot write a function or regex at all: JSON gets
        // null, never a crash.
        case .opaque:
            if let bytes = value.binaryBytes { writeString(String(decoding: bytes, as: UTF8.self)) } else { append("null") }
        case .array(let elements):
            if elements.isEmpty {
                append("[]")
                return
            }
            emit(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { emit(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
                if output.count + staged >= chunkSize { flush() }
            }
            newline(depth)
            emit(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                append("{}")
                return
            }
            emit(UInt8(ascii: "{"))
            // The entries are read where they lie: copying each (or even its value) to pass it
            // on costs a copy and a destroy of the whole value per member.
            object.entries.withUnsafeBufferPointer { entries in
                for position in entries.indices {
                    if position > 0 { emit(UInt8(ascii: ",")) }
                    newline(depth + 1)
                    let entry = entries.baseAddress! + position
                    writeString(at: ValueObject.Entry.keyAddress(of: entry))
                    emit(UInt8(ascii: ":"))
                    if pretty || spaceAfterColon { emit(UInt8(ascii: " ")) }
                    write(at: ValueObject.Entry.valueAddress(of: entry), depth: depth + 1)
                    if output.count + staged >= chunkSize { flush() }
                }
            }
            newline(depth)
            emit(UInt8(ascii: "}"))
        }
    }

    /// The whole output: what ``JSON`` returns once the value is written.
    mutating func finished() -> [UInt8] {
        drain()
        return output
    }

    @inline(__always)
    private mutating func emit(_ byte: UInt8) {
        if staged == StagingBuffer.capacity { drain() }
        staging.base[staged] = byte
        staged += 1
    }

    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > StagingBuffer.capacity - staged {
            drain()
            guard bytes.count <= StagingBuffer.capacity else {
                output.append(contentsOf: bytes)
                return
            }
        }
        (staging.base + staged).update(from: source, count: bytes.count)
        staged += bytes.count
    }

    private mutating func emit(_ text: String) {
        var text = text
        text.withUTF8 { emit($0) }
    }

    /// Moves the staged bytes to `output`.
    private mutating func drain() {
        guard staged > 0 else { return }
        output.append(contentsOf: UnsafeBufferPointer(start: staging.base, count: staged))
        staged = 0
    }

    @inline(__always)
    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        indent(depth)
    }

    private mutating func indent(_ depth: Int) {
        emit(UInt8(ascii: "\n"))
        for _ in 0..<depth * 2 { emit(UInt8(ascii: " ")) }
    }

    private mutating func append(_ text: StaticString) {
        emit(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeInteger(_ number: Int64) {
        if number < 0 { emit(UInt8(ascii: "-")) }
        number.magnitude.withDecimalDigits { emit($0) }
    }

    private mutating func writeDecimal(_ number: Decimal) {
        // JSON has no NaN; null is what JSONSerialization-style encoders emit for it.
        if number.isNaN {
            append("null")
            return
        }
        guard let compact = CompactDecimal(number) else {
            emit(DecimalFormatting.plainText(number))
            return
        }
        // Printed straight into the staging buffer, which always has room for a number once
        // drained (at most 23 bytes and 128 zeros).
        if StagingBuffer.capacity - staged < DecimalFormatting.maximumTextLength(compact) { drain() }
        staged += DecimalFormatting.write(compact, to: staging.base + staged)
    }

    /// Writes the value at `value`: a string straight from where it lies, anything else as
    /// ``write(_:depth:)`` does.
    @inline(__always)
    private mutating func write(at value: UnsafePointer<Value>, depth: Int) {
        if stringValuesAreTheirString, case .string = value.pointee {
            writeString(at: UnsafeRawPointer(value))
        } else {
            write(value.pointee, depth: depth)
        }
    }

    /// Whether a `Value.string` holds its `String` at its own address, as Swift lays out an
    /// enum's payload; checked once per process, and where it does not, strings are copied out.
    static let stringValuesStartWithTheirString: Bool = {
        guard StringBits.layoutIsKnown else { return false }
        for text in ["", "id", "origin_id", "fifteen bytes!!", "a string longer than fifteen bytes", "café"] {
            var value = Value.string(text)
            let stored = withUnsafeBytes(of: &value) { StringBits(at: $0.baseAddress!) }
            guard stored == StringBits(text) else { return false }
        }
        return true
    }()

    /// Writes the string stored at `address`: a short one from its words without touching its
    /// reference count, any other as ``writeString(_:)`` does.
    @inline(__always)
    private mutating func writeString(at address: UnsafeRawPointer) {
        if writeInline(StringBits(at: address)) { return }
        writeString(address.assumingMemoryBound(to: String.self).pointee)
    }

    private mutating func writeString(_ text: String) {
        if writeInline(StringBits(text)) { return }
        emit(UInt8(ascii: "\""))
        // Native strings are read in place; only others are copied to get at their UTF-8.
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { writeEscaped($0) }
        }
        emit(UInt8(ascii: "\""))
    }

    /// ``writeSmall(_:)`` for the string whose words are `bits` when it is kept inline and the
    /// layout is the known one; false (nothing written) otherwise.
    @inline(__always)
    private mutating func writeInline(_ bits: StringBits) -> Bool {
        inlineStrings && bits.high & StringBits.smallFlag != 0 && writeSmall(bits)
    }

    /// Writes a string kept inline (up to 15 bytes: most keys, codes, numbers as text) straight
    /// from its two words, quotes included, when none of its bytes needs escaping; false (nothing
    /// written) otherwise.
    @inline(__always)
    private mutating func writeSmall(_ bits: StringBits) -> Bool {
        let count = bits.smallCount
        // Bytes past the end (and the length byte) read as spaces, which need no escape.
        let spaces: UInt64 = 0x2020_2020_2020_2020
        let lowPadding: UInt64 = count >= 8 ? 0 : ~0 << UInt64(8 * count)
        let highPadding: UInt64 = count <= 8 ? ~0 : ~0 << UInt64(8 * (count - 8))
        let low = bits.low & ~lowPadding | spaces & lowPadding
        let high = bits.high & ~highPadding | spaces & highPadding
        guard !Self.mayNeedEscape(low), !Self.mayNeedEscape(high) else { return false }
        if StagingBuffer.capacity - staged < 18 { drain() }
        let target = UnsafeMutableRawPointer(staging.base + staged)
        target.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
        target.storeBytes(of: bits.low, toByteOffset: 1, as: UInt64.self)
        target.storeBytes(of: bits.high, toByteOffset: 9, as: UInt64.self)
        target.storeBytes(of: UInt8(ascii: "\""), toByteOffset: 1 + count, as: UInt8.self)
        staged += count + 2
        return true
    }

    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most strings (keys, names, codes) need no escape: found by whole words, the tail
        // padded with spaces, then copied at once.
        guard let firstEscape = Self.firstPossibleEscape(in: utf8) else {
            emit(utf8)
            return
        }
        var runStart = 0
        var position = firstEscape
        while position < utf8.count {
            // Eight bytes at a time while none needs escaping (most text has no byte that does).
            if position + 8 <= utf8.count,
                !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + position).loadUnaligned(as: UInt64.self))
            {
                position += 8
                continue
            }
            let byte = utf8[position]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            emit(UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
            runStart = position + 1
            emit(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): emit(byte)
            case 0x0A: emit(UInt8(ascii: "n"))
            case 0x0D: emit(UInt8(ascii: "r"))
            case 0x09: emit(UInt8(ascii: "t"))
            case 0x08: emit(UInt8(ascii: "b"))
            case 0x0C: emit(UInt8(ascii: "f"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                for unit in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] {
                    emit(unit)
                }
            }
            position += 1
        }
        emit(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Where the first eight-byte word of `utf8` starts that may hold a byte to escape (the
    /// last, partial word is read padded with spaces); nil when no byte needs escaping.
    @inline(__always)
    private static func firstPossibleEscape(in utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = utf8.baseAddress else { return nil }
        var position = 0
        while position + 8 <= utf8.count {
            if mayNeedEscape(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) { return position }
            position += 8
        }
        guard position < utf8.count else { return nil }
        var tail: UInt64 = 0x2020_2020_2020_2020
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + position, count: utf8.count - position)) }
        return mayNeedEscape(tail) ? position : nil
    }

    /// Whether any of the eight bytes of `word` may be a control character, `"` or `\`
    /// (exact when false; a true can be a false alarm, settled byte by byte).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let control = (word &- ones &* 0x20) & ~word & 0x8080_8080_8080_8080
        return (control | word.bytesEqual(to: UInt8(ascii: "\"")) | word.bytesEqual(to: UInt8(ascii: "\\"))) != 0
    }
}

/// The few kilobytes a ``JSONByteEncoder`` gathers bytes in, freed with the encoder.
private final class StagingBuffer {
    static let capacity = 4096
    let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    deinit { base.deallocate() }
}

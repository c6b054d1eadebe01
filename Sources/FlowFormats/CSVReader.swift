import FlowCore

/// Reads CSV bytes into DataWeave's shape: an array with one object per row, every value a
/// String (`age: "37"`), keys from the header line, or `column_0`, `column_1`, … without one.
///
/// Works on bytes: fields are found with byte comparisons and each becomes a `String` once,
/// straight from the input (or from a scratch buffer when it held escapes). Keys are made once
/// and shared by every row. Lines end with LF, CRLF or CR; a UTF-8 byte order mark is skipped;
/// bytes that are not UTF-8 become U+FFFD, as a Java decoder does.
struct CSVReader {
    /// What the reader properties ask for, beyond the dialect.
    struct Options {
        var header = true
        /// 0-based physical line of the header; lines before it are skipped unread.
        var headerLineNumber = 0
        /// 0-based physical line where rows start; earlier lines (after the header) are skipped.
        var bodyStartLineNumber = 0
        var ignoreEmptyLine = true
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let separator: UInt8
    /// The separator in each byte of a word, for scanning eight bytes at a time.
    private let separatorWord: UInt64
    private let quote: UInt8
    private let escape: UInt8?
    /// The quote and the escape character (the quote again without one) in each byte of a
    /// word, for scanning a quoted value eight bytes at a time.
    private let quoteWord: UInt64
    private let escapeWord: UInt64
    private var index = 0
    /// The 1-based line `index` is on, and the offset where that line starts.
    private var line = 1
    private var lineStart = 0
    /// Holds a quoted value while its escapes are removed.
    private var scratch: [UInt8] = []
    private let smallStrings = SmallASCIIStrings()

    private init(_ bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect) {
        self.bytes = bytes
        separator = dialect.separator
        separatorWord = UInt64(repeating: dialect.separator)
        quote = dialect.quote
        escape = dialect.escape
        quoteWord = UInt64(repeating: dialect.quote)
        escapeWord = UInt64(repeating: dialect.escape ?? dialect.quote)
    }

    /// The rows of `bytes`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, options: Options) throws(FormatError) -> Value {
        var rows: [Value] = []
        try forEachRow(bytes, dialect: dialect, options: options, reusingRows: false) { row, _ in
            rows.append(row)
            return true
        }
        return .array(rows)
    }

    /// Hands the rows of `bytes` to `body` one at a time, with their index, until it returns
    /// false; the rest is read all the same, so that bytes that are not valid CSV fail as they
    /// do in ``read(_:dialect:options:)``, whatever `body` did.
    ///
    /// With `reusingRows`, a row `body` did not keep is refilled in place for the next one: its
    /// storage, keys and entries are used again instead of freed and made anew. Once a refill
    /// finds the row kept (its storage had to be copied), rows are made anew from then on.
    static func forEachRow(_ bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, options: Options, reusingRows: Bool,
                           _ body: (Value, Int) -> Bool) throws(FormatError) {
        var reader = CSVReader(bytes, dialect: dialect)
        reader.skipByteOrderMark()
        var keys: [String] = []
        if options.header {
            reader.skipLines(before: options.headerLineNumber)
            if options.ignoreEmptyLine { reader.skipEmptyLines() }
            if reader.atEnd { return }
            repeat { keys.append(try reader.field()) } while reader.consumeSeparator()
            reader.consumeLineBreak()
        }
        reader.skipLines(before: options.bodyStartLineNumber)
        // Rows no longer than a header without repeats have distinct keys, which lets `$.key`
        // in a `map` find each field where it was in the row before (a ragged row's extra
        // `column_N` could repeat a header name, so longer rows are not marked).
        let distinctColumns = ValueObject.keysAreDistinct(keys) ? keys.count : 0
        var row = ValueObject()
        var refilling = reusingRows
        var taking = true
        var index = 0
        while !reader.atEnd {
            if options.ignoreEmptyLine, reader.atLineBreak {
                reader.consumeLineBreak()
                continue
            }
            if refilling, !row.isEmpty {
                refilling = try reader.refill(&row, keys: &keys, distinctColumns: distinctColumns)
            } else {
                row = try reader.row(keys: &keys, distinctColumns: distinctColumns)
            }
            reader.consumeLineBreak()
            if taking {
                taking = body(.object(row), index)
                index += 1
            }
        }
    }

    /// The row starting at `index`, its fields named by `keys` (extended with `column_N` for
    /// fields beyond them).
    private mutating func row(keys: inout [String], distinctColumns: Int) throws(FormatError) -> ValueObject {
        var entries: [ValueObject.Entry] = []
        entries.reserveCapacity(keys.count)
        var column = 0
        repeat {
            let value = try field()
            entries.append(ValueObject.Entry(key: Self.key(ofColumn: column, in: &keys), value: .string(value)))
            column += 1
        } while consumeSeparator()
        return ValueObject(entries: entries, keysAreDistinct: entries.count <= distinctColumns)
    }

    /// The key of the field in `column`: the header's name for it, else `column_N`, added to
    /// `keys`. Without a header every column is named by position; with one, so are any fields
    /// a ragged row has beyond it.
    private static func key(ofColumn column: Int, in keys: inout [String]) -> String {
        if column == keys.count { keys.append("column_\(column)") }
        return keys[column]
    }

    /// Reads the row starting at `index` into `row`, the row read before, replacing its values
    /// (every row names column N by `keys[N]`, so its keys stay right); false when its storage
    /// had to be copied because something kept the row.
    private mutating func refill(_ row: inout ValueObject, keys: inout [String], distinctColumns: Int) throws(FormatError) -> Bool {
        let width = row.count
        // The row's own columns first, where they lie (one uniqueness check for the row).
        let (read, inPlace) = try row.withEntriesInPlace { (entries) throws(FormatError) -> (columns: Int, more: Bool) in
            var column = 0
            repeat {
                entries[column].value = .string(try field())
                column += 1
                guard consumeSeparator() else { return (column, false) }
            } while column < entries.count
            return (column, true)
        }
        var column = read.columns
        if read.more {
            // Fields beyond the last row's, appended (marked as not distinct until rebuilt below).
            repeat {
                let value = Value.string(try field())
                row.append(Self.key(ofColumn: column, in: &keys), value, details: nil)
                column += 1
            } while consumeSeparator()
        }
        if column != width {
            // A ragged row: its own columns, marked as a row read afresh is.
            row = ValueObject(entries: Array(row.entries.prefix(column)), keysAreDistinct: column <= distinctColumns)
            return true
        }
        return inPlace
    }

    private var atEnd: Bool { index >= bytes.count }

    private var atLineBreak: Bool {
        index < bytes.count && (bytes[index] == 0x0A || bytes[index] == 0x0D)
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
    }

    /// Skips whole physical lines, unparsed, until `lineIndex` (0-based) is reached.
    private mutating func skipLines(before lineIndex: Int) {
        while !atEnd, line - 1 < lineIndex {
            while !atEnd, !atLineBreak { index += 1 }
            consumeLineBreak()
        }
    }

    private mutating func skipEmptyLines() {
        while atLineBreak { consumeLineBreak() }
    }

    /// Steps over one LF, CRLF or CR, if there is one.
    private mutating func consumeLineBreak() {
        guard index < bytes.count else { return }
        if bytes[index] == 0x0D {
            index += 1
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        } else if bytes[index] == 0x0A {
            index += 1
        } else {
            return
        }
        line += 1
        lineStart = index
    }

    /// Steps over a separator, if one is next.
    private mutating func consumeSeparator() -> Bool {
        guard index < bytes.count, bytes[index] == separator else { return false }
        index += 1
        return true
    }

    /// The field starting at `index`; leaves `index` on the separator, line break or end after it.
    @inline(__always)
    private mutating func field() throws(FormatError) -> String {
        if index < bytes.count, bytes[index] == quote { return try quotedField() }
        let start = index
        // Eight bytes at a time; the first word holding the field's end says where it is.
        if skipWords(until: fieldEnds) { return string(start..<index) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == separator || byte == 0x0A || byte == 0x0D { break }
            index += 1
        }
        return string(start..<index)
    }

    /// A field in quotes: separators and line breaks inside are text; a quote is written doubled
    /// or after the escape character, as is the escape character itself (elsewhere it is text,
    /// so `C:\temp` keeps its backslash).
    private mutating func quotedField() throws(FormatError) -> String {
        let opening = TextPosition(offset: index, line: line, lineStart: lineStart, in: bytes)
        index += 1
        var segmentStart = index
        var escaped = false
        scratch.removeAll(keepingCapacity: true)
        while true {
            // Eight bytes at a time up to the next byte that needs a look: a quote, the escape
            // character or a line break (counted below).
            skipWords(until: quotedValueStops)
            guard index < bytes.count else {
                throw opening.error("Unterminated quoted value: the quote opened here is never closed")
            }
            let byte = bytes[index]
            if byte == quote {
                guard index + 1 < bytes.count, bytes[index + 1] == quote else { break }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...index]))
                escaped = true
                index += 2
                segmentStart = index
            } else if let escape, byte == escape, index + 1 < bytes.count,
                bytes[index + 1] == quote || bytes[index + 1] == escape
            {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                scratch.append(bytes[index + 1])
                escaped = true
                index += 2
                segmentStart = index
            } else {
                index += 1
                if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) {
                    line += 1
                    lineStart = index
                }
            }
        }
        let value: String
        if escaped {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
            value = String(decoding: scratch, as: UTF8.self)
        } else {
            value = string(segmentStart..<index)
        }
        index += 1
        // Blanks between the closing quote and the separator are tolerated and dropped.
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09, bytes[index] != separator {
            index += 1
        }
        if index < bytes.count, bytes[index] != separator, bytes[index] != 0x0A, bytes[index] != 0x0D {
            let position = TextPosition(offset: index, line: line, lineStart: lineStart, in: bytes)
            throw position.error(
                "Unexpected \(describe(bytes[index])) after the closing quote of a value; expected \(describe(separator)) or the end of the line")
        }
        return value
    }

    /// Moves `index` eight bytes at a time while `stops` marks no byte of the word there, then
    /// onto the first byte it marks (the lowest, which is exact: ``Swift/UInt64/firstMarkedByte``);
    /// true when it found one, false with fewer than eight bytes left (or on a big-endian
    /// machine), for the caller to go on byte by byte.
    @inline(__always)
    @discardableResult
    private mutating func skipWords(until stops: (UInt64) -> UInt64) -> Bool {
        #if _endian(little)
        guard let base = bytes.baseAddress else { return false }
        while index + 8 <= bytes.count {
            let marks = stops(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if marks != 0 {
                index += marks.firstMarkedByte
                return true
            }
            index += 8
        }
        #endif
        return false
    }

    /// Nonzero when a byte of `word` is the separator, LF or CR; its lowest marked byte is the
    /// first such (``Swift/UInt64/firstMarkedByte``).
    @inline(__always)
    private func fieldEnds(_ word: UInt64) -> UInt64 {
        word.bytesEqual(toEachOf: separatorWord) | word.bytesEqual(to: 0x0A) | word.bytesEqual(to: 0x0D)
    }

    /// Nonzero when a byte of `word` is the quote, the escape character, LF or CR; its lowest
    /// marked byte is the first such.
    @inline(__always)
    private func quotedValueStops(_ word: UInt64) -> UInt64 {
        word.bytesEqual(toEachOf: quoteWord) | word.bytesEqual(toEachOf: escapeWord) | word.bytesEqual(to: 0x0A) | word.bytesEqual(to: 0x0D)
    }

    private func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        // Most fields are short ASCII (codes, numbers, dates), made inline without validation.
        let field = UnsafeBufferPointer(rebasing: bytes[range])
        return smallStrings.string(field) ?? String(decoding: field, as: UTF8.self)
    }

    /// `'x'` for a printable ASCII byte, else a neutral description.
    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x09: return "a tab"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "a non-ASCII character"
        }
    }
}

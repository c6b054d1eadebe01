/// 1-based line and column of a byte offset in UTF-8 text, for located read errors.
///
/// Readers track only where the current line starts (cheap) and compute the column when an
/// error is raised. Columns count characters (Unicode scalars), not bytes, as editors do.
struct TextPosition {
    let line: Int
    let column: Int

    /// The position of `offset`, on line `line` which starts at byte `lineStart`.
    init(offset: Int, line: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.line = line
        var column = 1
        var index = lineStart
        while index < offset, index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        self.column = column
    }

    /// The position of `offset`, counting lines from the start of `bytes` (for errors only:
    /// linear in the offset).
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset, index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        self.init(offset: offset, line: line, lineStart: lineStart, in: bytes)
    }

    /// A located error at this position.
    func error(_ message: String) -> FormatError {
        FormatError(message, line: line, column: column)
    }
}

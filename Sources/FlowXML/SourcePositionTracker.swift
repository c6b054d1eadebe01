import FlowCore

/// Turns byte offsets of a UTF-8 buffer into 1-based line and column numbers.
///
/// Columns count Unicode scalars, so that a non-ASCII character before a tag moves the tag one
/// column, not two or three. `\r\n`, `\r` and `\n` each end a line, as XML's end-of-line handling
/// says. Offsets are expected in increasing order (the lexer asks in document order), which makes
/// a whole document cost one pass; an offset behind the cursor restarts from the beginning rather
/// than failing.
struct SourcePositionTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let startOffset: Int
    private var offset: Int
    private var line = 1
    private var column = 1

    /// Creates a tracker whose column 1 of line 1 is at `startOffset` (after a byte-order mark).
    init(bytes: UnsafeBufferPointer<UInt8>, file: String, startOffset: Int) {
        self.bytes = bytes
        self.file = file
        self.startOffset = startOffset
        self.offset = startOffset
    }

    /// The location of the character starting at byte `target`.
    mutating func location(at target: Int) -> SourceLocation {
        if target < offset {
            offset = startOffset
            line = 1
            column = 1
        }
        let end = min(target, bytes.count)
        var index = offset
        while index < end {
            let byte = bytes[index]
            if byte == 0x0D {
                line += 1
                column = 1
            } else if byte == 0x0A {
                // The `\n` of `\r\n` belongs to the line break the `\r` already counted.
                if index == 0 || bytes[index - 1] != 0x0D {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        offset = index
        return SourceLocation(file: file, line: line, column: column)
    }
}

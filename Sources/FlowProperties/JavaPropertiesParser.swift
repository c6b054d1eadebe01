import FlowCore

/// Reads `.properties` text the way `java.util.Properties.load(Reader)` does, keeping positions.
///
/// The two stages follow Java's: first natural lines are joined into logical lines (comments and
/// blank lines dropped, a line ending in an odd number of backslashes continued on the next one,
/// whose leading whitespace is skipped); then each logical line is split at the first unescaped
/// `=`, `:` or whitespace, and escapes are decoded in the key and in the value. Unlike Java, a
/// malformed `\uXXXX` does not abort the whole file: it is reported with its position and the
/// rest of the file is still read, so that the user sees every mistake in one run.
struct JavaPropertiesParser {
    /// A 1-based line and column, cheaper to carry per character than a whole `SourceLocation`.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// One logical line: the characters Java keeps, each with where it was written.
    struct LogicalLine {
        var scalars: [Unicode.Scalar] = []
        var positions: [Position] = []
        /// Just after the last character kept (where an empty value is said to be).
        var end = Position(line: 1, column: 1)
    }

    private let displayName: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var position = Position(line: 1, column: 1)
    private(set) var diagnostics: [Diagnostic] = []

    init(text: String, displayName: String) {
        self.displayName = displayName
        var scalars = Array(text.unicodeScalars)
        // Java keeps a byte-order mark as part of the first key; nobody means that.
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    /// Every definition in file order, duplicates included.
    mutating func parse() -> [PropertyEntry] {
        var entries: [PropertyEntry] = []
        while let line = nextLogicalLine() {
            entries.append(entry(from: line))
        }
        return entries
    }

    // MARK: - Natural and logical lines

    private static let endOfLine: Unicode.Scalar = "\n"

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{0C}"
    }

    /// The next character, with `\r\n` and `\r` both read as one `\n`.
    private mutating func nextCharacter() -> (scalar: Unicode.Scalar, position: Position)? {
        guard index < scalars.count else { return nil }
        let scalar = scalars[index]
        let here = position
        index += 1
        if scalar == "\r" || scalar == "\n" {
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            position = Position(line: position.line + 1, column: 1)
            return (Self.endOfLine, here)
        }
        position.column += 1
        return (scalar, here)
    }

    /// Java's `LineReader.readLine`: the next logical line, or nil at the end of the text.
    private mutating func nextLogicalLine() -> LogicalLine? {
        var line = LogicalLine()
        var skipWhitespace = true
        var appendedLineBegin = false
        var isNewLine = true
        var isComment = false
        var precedingBackslash = false

        while true {
            guard let (scalar, here) = nextCharacter() else {
                if isComment || line.scalars.isEmpty { return nil }
                // A backslash at the very end of the text continues onto nothing: Java drops it.
                if precedingBackslash {
                    line.scalars.removeLast()
                    line.positions.removeLast()
                }
                line.end = position
                return line
            }
            if skipWhitespace {
                if Self.isBlank(scalar) { continue }
                if !appendedLineBegin && scalar == Self.endOfLine { continue }
                skipWhitespace = false
                appendedLineBegin = false
            }
            if isNewLine {
                isNewLine = false
                if scalar == "#" || scalar == "!" {
                    isComment = true
                    continue
                }
            }
            if scalar != Self.endOfLine {
                if isComment { continue }
                line.scalars.append(scalar)
                line.positions.append(here)
                precedingBackslash = scalar == "\\" ? !precedingBackslash : false
                continue
            }
            // End of a natural line.
            if isComment || line.scalars.isEmpty {
                isComment = false
                isNewLine = true
                skipWhitespace = true
                line = LogicalLine()
                continue
            }
            if precedingBackslash {
                line.scalars.removeLast()
                line.positions.removeLast()
                skipWhitespace = true
                appendedLineBegin = true
                precedingBackslash = false
                continue
            }
            line.end = here
            return line
        }
    }

    // MARK: - Key, separator, value

    /// Java's `Properties.load0` for one logical line.
    private mutating func entry(from line: LogicalLine) -> PropertyEntry {
        let chars = line.scalars
        let limit = chars.count
        var keyLength = 0
        var valueStart = limit
        var hasSeparator = false
        var precedingBackslash = false

        while keyLength < limit {
            let scalar = chars[keyLength]
            if (scalar == "=" || scalar == ":") && !precedingBackslash {
                valueStart = keyLength + 1
                hasSeparator = true
                break
            } else if Self.isBlank(scalar) && !precedingBackslash {
                valueStart = keyLength + 1
                break
            }
            precedingBackslash = scalar == "\\" ? !precedingBackslash : false
            keyLength += 1
        }
        while valueStart < limit {
            let scalar = chars[valueStart]
            if !Self.isBlank(scalar) {
                if !hasSeparator && (scalar == "=" || scalar == ":") {
                    hasSeparator = true
                } else {
                    break
                }
            }
            valueStart += 1
        }

        let key = decode(line, 0..<keyLength)
        let value = decode(line, valueStart..<limit)
        let keyPosition = line.positions.first ?? line.end
        let valuePosition = valueStart < limit ? line.positions[valueStart] : line.end
        return PropertyEntry(
            key: key.text,
            value: value.text,
            location: location(keyPosition),
            valueMap: SourceMap(start: location(valuePosition), runs: value.runs)
        )
    }

    private func location(_ position: Position) -> SourceLocation {
        SourceLocation(file: displayName, line: position.line, column: position.column)
    }

    // MARK: - Escapes

    /// Java's `loadConvert`: decodes `\uXXXX`, `\t`, `\n`, `\r`, `\f` and `\x` (any other `x`).
    private mutating func decode(_ line: LogicalLine, _ range: Range<Int>) -> (text: String, runs: [SourceMap.Run]) {
        var output = String.UnicodeScalarView()
        var runs: [SourceMap.Run] = []
        var produced = 0
        var expectedNext = range.isEmpty ? line.end : line.positions[range.lowerBound]
        var pendingHighSurrogate: (unit: UInt16, position: Position)?

        func emit(_ scalar: Unicode.Scalar, from source: Position) {
            if source != expectedNext {
                runs.append(SourceMap.Run(offset: produced, location: location(source)))
            }
            output.append(scalar)
            produced += 1
            expectedNext = Position(line: source.line, column: source.column + 1)
        }

        func flushUnpairedSurrogate() {
            guard let pending = pendingHighSurrogate else { return }
            pendingHighSurrogate = nil
            diagnostics.append(.error(Self.unpairedSurrogateMessage(pending.unit), at: location(pending.position)))
            emit("\u{FFFD}", from: pending.position)
        }

        var offset = range.lowerBound
        while offset < range.upperBound {
            let scalar = line.scalars[offset]
            let source = line.positions[offset]
            offset += 1
            guard scalar == "\\" else {
                flushUnpairedSurrogate()
                emit(scalar, from: source)
                continue
            }
            // A lone trailing backslash cannot survive line joining; drop it like a continuation.
            guard offset < range.upperBound else { break }
            let escaped = line.scalars[offset]
            offset += 1
            guard escaped == "u" else {
                flushUnpairedSurrogate()
                switch escaped {
                case "t": emit("\t", from: source)
                case "n": emit("\n", from: source)
                case "r": emit("\r", from: source)
                case "f": emit("\u{0C}", from: source)
                default: emit(escaped, from: source)
                }
                continue
            }
            guard let unit = Self.hexUnit(line.scalars, at: offset, upTo: range.upperBound) else {
                flushUnpairedSurrogate()
                diagnostics.append(.error(Self.malformedEscapeMessage, at: location(source)))
                continue
            }
            offset += 4
            if UTF16.isLeadSurrogate(unit) {
                flushUnpairedSurrogate()
                pendingHighSurrogate = (unit, source)
            } else if UTF16.isTrailSurrogate(unit) {
                if let pending = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    let value = 0x10000 + ((UInt32(pending.unit) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                    emit(Unicode.Scalar(value) ?? "\u{FFFD}", from: pending.position)
                } else {
                    diagnostics.append(.error(Self.unpairedSurrogateMessage(unit), at: location(source)))
                    emit("\u{FFFD}", from: source)
                }
            } else {
                flushUnpairedSurrogate()
                emit(Unicode.Scalar(unit) ?? "\u{FFFD}", from: source)
            }
        }
        flushUnpairedSurrogate()
        return (String(output), runs)
    }

    /// The UTF-16 unit written as 4 hexadecimal digits at `offset`, or nil if there are not 4.
    private static func hexUnit(_ scalars: [Unicode.Scalar], at offset: Int, upTo end: Int) -> UInt16? {
        guard offset + 4 <= end else { return nil }
        var value: UInt16 = 0
        for scalar in scalars[offset..<offset + 4] {
            guard scalar.isASCII, let digit = UInt16(String(scalar), radix: 16) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    static let malformedEscapeMessage = #"Malformed \uxxxx encoding: expected 4 hexadecimal digits after '\u'"#

    static func unpairedSurrogateMessage(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return #"Invalid \u"# + hex + " escape: a UTF-16 surrogate must be paired (high \\uD800-\\uDBFF then low \\uDC00-\\uDFFF)"
    }
}

import Foundation

/// The hand-written scanner behind ``JSON/decode(_:)-([UInt8])``: recursive descent over raw bytes
/// with a depth counter, so hostile nesting ends in an error instead of a stack overflow.
struct JSONByteDecoder {
    /// Where decoding failed, as a byte offset; turned into a line and column only when reported.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Reused for strings that need unescaping or UTF-8 validation.
    private var scratch: [UInt8] = []
    private let smallStrings = SmallASCIIStrings()
    /// False while a value is only checked (``indexObject()`` passing over the members' values):
    /// the same grammar and the same errors, but no strings, arrays or objects are made.
    private var building = true

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Decodes the whole input as one value surrounded by optional whitespace.
    mutating func decodeDocument() -> Result<Value, JSONSyntaxError> {
        do throws(Failure) {
            // RFC 8259 §8.1 lets parsers ignore a byte order mark; editors on Windows add one.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            skipWhitespace()
            let value = try parseValue()
            skipWhitespace()
            if index < bytes.count {
                throw Failure(offset: index, reason: "unexpected \(describe(at: index)) after the JSON value")
            }
            return .success(value)
        } catch {
            return .failure(syntaxError(error))
        }
    }

    /// Where each member of the document's top-level object lies, found in one pass that checks
    /// the whole document as ``decodeDocument()`` does but makes only the keys: a
    /// ``JSONObjectIndex`` to select members from without decoding the rest. A document that is
    /// null gives an index of no members that reads as null.
    ///
    /// Nil when the bytes are not one valid JSON value, or when the document is neither an
    /// object nor null.
    mutating func indexObject() -> JSONObjectIndex? {
        do throws(Failure) {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            let members: [JSONObjectIndex.Member]?
            switch bytes[index] {
            case UInt8(ascii: "{"): members = try indexMembers()
            case UInt8(ascii: "n"):
                try parseLiteral("null")
                members = nil
            default: return .none
            }
            skipWhitespace()
            if index < bytes.count { return .none }
            return JSONObjectIndex(members: members)
        } catch {
            return .none
        }
    }

    /// The top-level object's keys and where each value's bytes are, the values checked without
    /// being made.
    private mutating func indexMembers() throws(Failure) -> [JSONObjectIndex.Member] {
        var members: [JSONObjectIndex.Member] = []
        // A member takes at least 6 bytes and most take several times that: room for one per
        // 32 bytes spares growing the array a few times on an answer of a hundred fields.
        members.reserveCapacity(max(16, min(bytes.count / 32, 1024)))
        // Keys are kept as where their bytes are: most are plain ASCII, compared in place when a
        // member is selected, so the pass makes no string for them.
        try parseMembers(makingKeys: false) { decoder, _, keyBytes, isPlain throws(Failure) in
            let text = isPlain ? nil : try decoder.keyText(keyBytes)
            let start = decoder.index
            try decoder.skip { decoder throws(Failure) in try decoder.skipValue() }
            members.append(JSONObjectIndex.Member(keyBytes: keyBytes, keyText: text, bytes: start..<decoder.index))
        }
        return members
    }

    /// Moves past one value, checking it as ``parseValue()`` does (the same grammar, depth limit
    /// and number range) but making nothing, not even a `Value` to throw away. Only while not
    /// ``building``.
    private mutating func skipValue() throws(Failure) {
        guard index < bytes.count else { throw endOfInput() }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseMembers(makingKeys: false) { decoder, _, _, _ throws(Failure) in try decoder.skipValue() }
        case UInt8(ascii: "["): try parseElements { decoder throws(Failure) in try decoder.skipValue() }
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "t"): try parseLiteral("true")
        case UInt8(ascii: "f"): try parseLiteral("false")
        case UInt8(ascii: "n"): try parseLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try parseNumber()
        default: throw Failure(offset: index, reason: "unexpected \(describe(at: index))")
        }
    }

    /// The text of the key whose bytes (between its quotes) are `keyBytes` but are not that text
    /// as they stand (an escape, or UTF-8 beyond ASCII).
    private mutating func keyText(_ keyBytes: Range<Int>) throws(Failure) -> String {
        let resume = index
        defer { index = resume }
        index = keyBytes.lowerBound - 1
        return try parseString()
    }

    /// Runs `check` with nothing made, only checked.
    private mutating func skip(_ check: (inout JSONByteDecoder) throws(Failure) -> Void) throws(Failure) {
        let wasBuilding = building
        building = false
        defer { building = wasBuilding }
        try check(&self)
    }

    // MARK: - Values

    private mutating func parseValue() throws(Failure) -> Value {
        guard index < bytes.count else { throw endOfInput() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw Failure(offset: index, reason: "unexpected \(describe(at: index))")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(Failure) {
        let start = index
        let length = word.utf8CodeUnitCount
        // The whole word compared at once; the byte loop below only finds where it differs.
        if start + length <= bytes.count, memcmp(bytes.baseAddress! + start, word.utf8Start, length) == 0 {
            index = start + length
            return
        }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        for offset in 0..<length {
            guard start + offset < bytes.count else { throw endOfInput() }
            if bytes[start + offset] != expected[offset] {
                throw Failure(offset: start, reason: "invalid literal, expected '\(word)'")
            }
        }
        index = start + length
    }

    private mutating func enterContainer() throws(Failure) {
        depth += 1
        if depth > JSON.maximumDepth { throw Failure(offset: index, reason: "nesting too deep") }
    }

    private mutating func parseArray() throws(Failure) -> Value {
        var elements = PackingArrayBuilder()
        var isEmpty = true
        try parseElements { decoder throws(Failure) in
            let element = try decoder.parseValue()
            isEmpty = false
            if decoder.building { elements.append(element) }
        }
        return isEmpty ? .array([]) : .array(elements.finish())
    }

    /// The grammar of an array from its opening bracket to its closing one: `element` is called
    /// with the decoder at the start of each element, which it must read past.
    @inline(__always)
    private mutating func parseElements(_ element: (inout JSONByteDecoder) throws(Failure) -> Void) throws(Failure) {
        try enterContainer()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    throw Failure(offset: index, reason: "trailing comma before ']'")
                }
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return
            default:
                throw Failure(offset: index, reason: "expected ',' or ']' but found \(describe(at: index))")
            }
        }
    }

    private mutating func parseObject() throws(Failure) -> Value {
        var object = ValueObject()
        // The document's own object is most often a record of many fields (a request's 48, an
        // answer's 86): room for one member per 24 bytes of the document spares growing the
        // entries six or seven times. Nested objects are usually small and left to grow.
        if depth == 0 { object.reserveCapacity(max(4, min(bytes.count / 24, 1024))) }
        try parseMembers(makingKeys: true) { decoder, key, _, _ throws(Failure) in
            let value = try decoder.parseValue()
            if decoder.building { object.append(key, value) }
        }
        return .object(object)
    }

    /// The grammar of an object from its opening brace to its closing one: each key is read and
    /// handed to `member` (made when `makingKeys`, else only checked and given as "") with where
    /// its bytes are between the quotes, whether those bytes are its text as they stand (always
    /// false when `makingKeys`), and the decoder at the start of the key's value, which `member`
    /// must read past.
    @inline(__always)
    private mutating func parseMembers(makingKeys: Bool,
                                       _ member: (inout JSONByteDecoder, consuming String, Range<Int>, Bool) throws(Failure) -> Void) throws(Failure) {
        try enterContainer()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw Failure(offset: index, reason: "expected a string key but found \(describe(at: index))")
            }
            let keyStart = index + 1
            let key: String
            var isPlain = false
            if makingKeys {
                key = try parseString()
            } else {
                isPlain = try skipString()
                key = ""
            }
            let keyBytes = keyStart..<(index - 1)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw Failure(offset: index, reason: "expected ':' after the key but found \(describe(at: index))")
            }
            index += 1
            skipWhitespace()
            try member(&self, key, keyBytes, isPlain)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw Failure(offset: index, reason: "trailing comma before '}'")
                }
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return
            default:
                throw Failure(offset: index, reason: "expected ',' or '}' but found \(describe(at: index))")
            }
        }
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote. Plain ASCII without escapes takes the fast path.
    private mutating func parseString() throws(Failure) -> String {
        let (start, isPlain) = scanPlainString()
        guard isPlain else { return try parseStringSlowly(from: start) }
        guard building else { return "" }
        // Most keys and many values are short: made inline, without validating bytes already
        // known to be printable ASCII or allocating.
        let plain = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
        return smallStrings.string(plain) ?? String(decoding: plain, as: UTF8.self)
    }

    /// Moves past a string starting at its opening quote, checking it without making it: true
    /// when its bytes are its text as they stand (ASCII without an escape).
    @inline(__always)
    private mutating func skipString() throws(Failure) -> Bool {
        let (start, isPlain) = scanPlainString()
        if isPlain { return true }
        try skip { decoder throws(Failure) in _ = try decoder.parseStringSlowly(from: start) }
        return false
    }

    /// Moves from a string's opening quote over the bytes that need no attention: where its
    /// bytes start, and whether it ended among them (printable ASCII without an escape; the
    /// decoder is then past the closing quote). Otherwise the decoder is at the first byte that
    /// needs attention (an escape, a control byte, UTF-8 beyond ASCII) or at the end of the input,
    /// for ``parseStringSlowly(from:)`` to go on from.
    @inline(__always)
    private mutating func scanPlainString() -> (start: Int, isPlain: Bool) {
        index += 1
        let start = index
        skipPlainStringBytes()
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return (start, true)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        return (start, false)
    }

    /// Moves past string bytes that need no attention (printable ASCII other than `"` and `\`),
    /// eight at a time: most of a document's bytes are inside strings.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        guard let base = bytes.baseAddress else { return }
        let quotes = UInt64(repeating: UInt8(ascii: "\"")), backslashes = UInt64(repeating: UInt8(ascii: "\\"))
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            // Marks a quote, a backslash, a byte below 0x20 (by the borrow test for bytes below
            // a bound, exact for the first marked byte as bytesEqual is) or one above 0x7F.
            let below0x20 = (word &- UInt64(repeating: 0x20)) & ~word & 0x8080_8080_8080_8080
            let marks = word.bytesEqual(toEachOf: quotes) | word.bytesEqual(toEachOf: backslashes) | below0x20
                | (word & 0x8080_8080_8080_8080)
            if marks != 0 {
                index += marks.firstMarkedByte
                return
            }
            index += 8
        }
    }

    private mutating func parseStringSlowly(from start: Int) throws(Failure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return building ? String(decoding: scratch, as: UTF8.self) : ""
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw Failure(offset: index, reason: "control character \(unicodeName(UInt32(byte))) in a string must be escaped")
            case 0x80...:
                let length = validUTF8Length(at: index)
                guard length > 0 else { throw Failure(offset: index, reason: "invalid UTF-8 in a string") }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw Failure(offset: start - 1, reason: "unterminated string")
    }

    private mutating func parseEscape() throws(Failure) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw endOfInput() }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart: escapeStart)
            if (0xDC00...0xDFFF).contains(scalar) {
                throw Failure(offset: escapeStart, reason: "unpaired surrogate in \\u escape")
            }
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw Failure(offset: escapeStart, reason: "unpaired surrogate in \\u escape") }
                let lowStart = index
                index += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(offset: escapeStart, reason: "unpaired surrogate in \\u escape")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(scalar)
        default:
            throw Failure(offset: escapeStart, reason: "invalid escape '\\\(printable(letter))'")
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(Failure) -> UInt32 {
        var result: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput() }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(offset: escapeStart, reason: "invalid \\u escape, expected four hex digits")
            }
            result = result << 4 | UInt32(digit)
            index += 1
        }
        return result
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (Unicode table 3-7), or 0.
    private func validUTF8Length(at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        let second = bytes[offset + 1]
        guard second >= low, second <= high else { return 0 }
        for next in 2..<length where bytes[offset + next] & 0xC0 != 0x80 { return 0 }
        return length
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(Failure) -> Value {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count else { throw endOfInput() }
        let integerStart = index
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw Failure(offset: integerStart, reason: "invalid number, leading zeros are not allowed")
            }
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        } else {
            throw Failure(offset: index, reason: "invalid number, expected a digit but found \(describe(at: index))")
        }
        let integerEnd = index
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try requireDigit(after: "'.'")
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            try requireDigit(after: "the exponent sign")
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        // Only a number written with an exponent, or with more digits than a double's range
        // (about 309 before the point), can be out of range: any other checked needs no value.
        if !building, !hasExponent, index - start < 300 { return .null }
        if isInteger, integerEnd - integerStart <= 19 {
            var magnitude: UInt64 = 0
            for offset in integerStart..<integerEnd {
                magnitude = magnitude &* 10 &+ UInt64(bytes[offset] - UInt8(ascii: "0"))
            }
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        // The text is valid JSON number syntax by now; DecimalText builds the value (exactly from
        // the digits when they fit 64 bits), or a double when it is beyond Decimal's range.
        guard let number = DecimalText.number(utf8: UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
            throw Failure(offset: start, reason: "number out of range")
        }
        return number
    }

    private mutating func requireDigit(after what: String) throws(Failure) {
        guard index < bytes.count else { throw endOfInput() }
        guard isDigit(bytes[index]) else {
            throw Failure(offset: index, reason: "invalid number, expected a digit after \(what) but found \(describe(at: index))")
        }
    }

    // MARK: - Helpers

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private func endOfInput() -> Failure {
        Failure(offset: bytes.count, reason: "unexpected end of input")
    }

    /// How the character at `offset` reads in a message: `'x'`, `U+0007`, or `invalid UTF-8`.
    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x20 && byte < 0x7F ? "'\(printable(byte))'" : "character \(unicodeName(UInt32(byte)))" }
        let length = validUTF8Length(at: offset)
        guard length > 0 else { return "invalid UTF-8" }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        return "'\(text)'"
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : unicodeName(UInt32(byte))
    }

    private func unicodeName(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Converts a byte offset to a line and a column counted in Unicode scalars.
    private func syntaxError(_ failure: Failure) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for offset in 0..<min(failure.offset, bytes.count) {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(line: line, column: column, reason: failure.reason)
    }
}

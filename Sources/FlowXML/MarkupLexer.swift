import FlowCore

/// Where one start tag, its attributes and its first character data are in the raw bytes.
struct LexedStartTag {
    /// The byte range of the qualified name, to check against what libxml2 parsed.
    var name: Range<Int>
    /// Where the `<` is.
    var location: SourceLocation
    /// This tag's attributes (namespace declarations included) in `LexedDocument.attributes`.
    var attributes: Range<Int>
    /// Where the first character of the element's own character data is, if it has any.
    var textLocation: SourceLocation?
}

/// Where one attribute's name and value are in the raw bytes.
struct LexedAttribute {
    /// The byte range of the qualified name.
    var name: Range<Int>
    /// Where the name starts.
    var location: SourceLocation
    /// Where each character of the decoded value was written.
    var valueMap: SourceMap
    /// Whether this is `xmlns` or `xmlns:prefix`, which libxml2 reports as a namespace, not an attribute.
    var isNamespaceDeclaration: Bool
}

/// The positions of every start tag of a document, in document order.
struct LexedDocument {
    /// The start tags in document order (the order of a pre-order walk of the element tree).
    var tags: [LexedStartTag] = []
    /// The attributes of all tags, each tag owning a contiguous range.
    var attributes: [LexedAttribute] = []
}

/// Finds the positions libxml2 does not report: the column of every `<`, of every attribute name
/// and value, and of each element's first character data.
///
/// It runs only on documents libxml2 has already accepted as well-formed and free of a DOCTYPE, so
/// the markup is regular: text holds no raw `<`, attribute values hold no raw `<` and end at their
/// own quote, comments end at `-->`, CDATA at `]]>`, processing instructions at `?>`. Every index
/// is still bounds-checked, so that even unexpected input ends the scan instead of the process.
enum MarkupLexer {
    /// Scans `bytes` once, front to back.
    static func lex(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> LexedDocument {
        let start = byteOrderMarkLength(bytes)
        var tracker = SourcePositionTracker(bytes: bytes, file: file, startOffset: start)
        var document = LexedDocument()
        var openTags: [Int] = []
        let count = bytes.count
        var index = start
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let textEnd = find(UInt8(ascii: "<"), in: bytes, from: index)
                if let open = openTags.last, document.tags[open].textLocation == nil {
                    document.tags[open].textLocation = tracker.location(at: index)
                }
                index = textEnd
                continue
            }
            if has("<!--", in: bytes, at: index) {
                index = end(of: "-->", in: bytes, from: index + 4)
            } else if has("<![CDATA[", in: bytes, at: index) {
                let contentStart = index + 9
                let contentEnd = find("]]>", in: bytes, from: contentStart)
                if contentEnd > contentStart, let open = openTags.last,
                    document.tags[open].textLocation == nil
                {
                    document.tags[open].textLocation = tracker.location(at: contentStart)
                }
                index = min(contentEnd + 3, count)
            } else if has("<?", in: bytes, at: index) {
                index = end(of: "?>", in: bytes, from: index + 2)
            } else if has("</", in: bytes, at: index) {
                _ = openTags.popLast()
                index = min(find(UInt8(ascii: ">"), in: bytes, from: index) + 1, count)
            } else if has("<!", in: bytes, at: index) {
                // Only a DOCTYPE could be here, and those are rejected before lexing.
                index = min(find(UInt8(ascii: ">"), in: bytes, from: index) + 1, count)
            } else {
                let (next, selfClosing) = lexStartTag(
                    bytes, at: index, tracker: &tracker, into: &document)
                if !selfClosing { openTags.append(document.tags.count - 1) }
                index = next
            }
        }
        return document
    }

    /// The start tag around byte `offset` (the last `<` at or before it), alone: for pointing an
    /// error libxml2 reports somewhere inside a tag at the tag or at one of its attributes.
    static func startTag(
        around offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String
    ) -> (tag: LexedStartTag, attributes: [LexedAttribute])? {
        var open = min(offset, bytes.count - 1)
        while open >= 0, bytes[open] != UInt8(ascii: "<") { open -= 1 }
        guard open >= 0 else { return nil }
        var tracker = SourcePositionTracker(bytes: bytes, file: file, startOffset: byteOrderMarkLength(bytes))
        var document = LexedDocument()
        _ = lexStartTag(bytes, at: open, tracker: &tracker, into: &document)
        guard let tag = document.tags.first else { return nil }
        return (tag, document.attributes)
    }

    /// Lexes `<name attr="value" …>` or `…/>` starting at the `<`; returns the index after it and
    /// whether it closed itself.
    private static func lexStartTag(
        _ bytes: UnsafeBufferPointer<UInt8>, at open: Int,
        tracker: inout SourcePositionTracker, into document: inout LexedDocument
    ) -> (next: Int, selfClosing: Bool) {
        let count = bytes.count
        let location = tracker.location(at: open)
        let nameStart = open + 1
        var index = nameStart
        while index < count, !isNameEnd(bytes[index]) { index += 1 }
        let name = nameStart..<max(nameStart, min(index, count))
        let firstAttribute = document.attributes.count
        var selfClosing = false
        while index < count {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
            } else if byte == UInt8(ascii: ">") {
                index += 1
                break
            } else if byte == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
            } else {
                let attributeNameStart = index
                while index < count, !isNameEnd(bytes[index]) { index += 1 }
                let attributeName = attributeNameStart..<index
                while index < count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
                    index += 1
                }
                guard index < count else { break }
                let quote = bytes[index]
                let valueStart = index + 1
                let valueEnd = find(quote, in: bytes, from: valueStart)
                index = min(valueEnd + 1, count)
                let location = tracker.location(at: attributeNameStart)
                document.attributes.append(
                    LexedAttribute(
                        name: attributeName,
                        location: location,
                        valueMap: valueMap(bytes, valueStart..<min(valueEnd, count), tracker: &tracker),
                        isNamespaceDeclaration: isNamespaceDeclaration(attributeName, in: bytes)))
            }
        }
        document.tags.append(
            LexedStartTag(
                name: name,
                location: location,
                attributes: firstAttribute..<document.attributes.count,
                textLocation: nil))
        return (index, selfClosing)
    }

    /// Where each character of an attribute value, as libxml2 decodes it, was written: a character
    /// or entity reference (`&#10;`, `&quot;`) is one character written as several, and a line
    /// break or tab becomes one space (XML's attribute-value normalisation), so the characters
    /// after either sit elsewhere than a straight count from the opening quote would say.
    private static func valueMap(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, tracker: inout SourcePositionTracker
    ) -> SourceMap {
        let start = tracker.location(at: range.lowerBound)
        var runs: [SourceMap.Run] = []
        var produced = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            var next = index + 1
            var jumps = false
            if byte == UInt8(ascii: "&") {
                next = min(find(UInt8(ascii: ";"), in: bytes, from: index) + 1, range.upperBound)
                jumps = true
            } else if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D, next < range.upperBound, bytes[next] == 0x0A { next += 1 }
                jumps = true
            }
            if byte & 0xC0 != 0x80 { produced += 1 }
            if jumps, next < range.upperBound {
                runs.append(SourceMap.Run(offset: produced, location: tracker.location(at: next)))
            }
            index = next
        }
        return SourceMap(start: start, runs: runs)
    }

    /// The length of a UTF-8 byte-order mark at the start of `bytes` (3), or 0.
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Whether `literal` is at `index`.
    static func has(_ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        literal.withUTF8Buffer { needle in
            guard index >= 0, index + needle.count <= bytes.count else { return false }
            for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
            return true
        }
    }

    /// The index of the first `byte` at or after `from`, or the end of the buffer.
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = max(from, 0)
        while index < bytes.count, bytes[index] != byte { index += 1 }
        return index
    }

    /// The index of the first `literal` at or after `from`, or the end of the buffer.
    static func find(_ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let first = literal.withUTF8Buffer({ $0.first }) else { return from }
        var index = from
        while true {
            index = find(first, in: bytes, from: index)
            if index >= bytes.count || has(literal, in: bytes, at: index) { return min(index, bytes.count) }
            index += 1
        }
    }

    /// The index just after the first `literal` at or after `from`, or the end of the buffer.
    static func end(of literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        min(find(literal, in: bytes, from: from) + literal.utf8CodeUnitCount, bytes.count)
    }

    /// XML's whitespace: space, tab, carriage return, line feed.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "=")
    }

    private static func isNamespaceDeclaration(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard has("xmlns", in: bytes, at: name.lowerBound) else { return false }
        return name.count == 5 || (name.count > 6 && bytes[name.lowerBound + 5] == UInt8(ascii: ":"))
    }
}

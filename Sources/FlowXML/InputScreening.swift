import FlowCore

/// Checks a document for what Conduit refuses before libxml2 ever sees the file: any encoding other
/// than UTF-8, NUL characters, and a DOCTYPE.
///
/// A DOCTYPE is the door to entity expansion (XXE, "billion laughs") and Mule files never need one.
/// Other encodings are refused because positions are computed on the raw UTF-8 bytes. A NUL is not
/// an XML character, and libxml2 would quietly take it for the end of the file.
enum InputScreening {
    /// The reason given for a DOCTYPE, wherever it is found.
    static let doctypeReason =
        "DOCTYPE is not allowed in Mule configuration files (it would enable entity expansion)"

    /// The first problem found, or `nil` when libxml2 may parse the document.
    ///
    /// Only the prolog (what comes before the root element) is inspected for a DOCTYPE. Anything
    /// there the inspection does not recognise ends it quietly: libxml2 then reports the malformed
    /// markup in its own words, and a DOCTYPE it meets later is stopped by the parser hook.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>, file: String) -> XMLParseError? {
        if let encoding = signatureEncoding(bytes) {
            return XMLParseError(
                location: SourceLocation(file: file, line: 1, column: 1),
                reason: unsupportedEncodingReason(encoding))
        }
        let start = MarkupLexer.byteOrderMarkLength(bytes)
        var tracker = SourcePositionTracker(bytes: bytes, file: file, startOffset: start)
        if let nul = bytes.firstIndex(of: 0) {
            return XMLParseError(location: tracker.location(at: nul), reason: nulReason)
        }
        tracker = SourcePositionTracker(bytes: bytes, file: file, startOffset: start)
        var index = start
        while index < bytes.count {
            if MarkupLexer.isWhitespace(bytes[index]) {
                index += 1
            } else if index == start, MarkupLexer.has("<?xml", in: bytes, at: index),
                index + 5 < bytes.count, MarkupLexer.isWhitespace(bytes[index + 5])
            {
                let end = MarkupLexer.find("?>", in: bytes, from: index)
                if let problem = declaredEncodingProblem(bytes, in: index..<end, tracker: &tracker) {
                    return problem
                }
                index = MarkupLexer.end(of: "?>", in: bytes, from: index)
            } else if MarkupLexer.has("<?", in: bytes, at: index) {
                index = MarkupLexer.end(of: "?>", in: bytes, from: index + 2)
            } else if MarkupLexer.has("<!--", in: bytes, at: index) {
                index = MarkupLexer.end(of: "-->", in: bytes, from: index + 4)
            } else if isDoctype(bytes, at: index) {
                return XMLParseError(location: tracker.location(at: index), reason: doctypeReason)
            } else {
                return nil
            }
        }
        return nil
    }

    /// The reason given for a NUL character anywhere in the file.
    static let nulReason = "NUL character (U+0000) is not allowed in XML"

    /// The reason given for a file that is not UTF-8.
    static func unsupportedEncodingReason(_ encoding: String) -> String {
        "unsupported encoding \(encoding): Mule configuration files must be UTF-8"
    }

    /// `<!DOCTYPE`, in any letter case (libxml2 would reject the lower-case one anyway, but a
    /// clear reason is better).
    private static func isDoctype(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let keyword = Array("<!DOCTYPE".utf8)
        guard index + keyword.count <= bytes.count else { return false }
        for (offset, expected) in keyword.enumerated() {
            let byte = bytes[index + offset]
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            if upper != expected { return false }
        }
        return true
    }

    /// The encoding a byte signature announces (XML 1.0 appendix F, as libxml2 detects it), for
    /// every signature other than UTF-8's.
    private static func signatureEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(with signature: [UInt8]) -> Bool {
            bytes.count >= signature.count && zip(bytes, signature).allSatisfy { $0 == $1 }
        }
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) || starts(with: [0x00, 0x00, 0x00, 0x3C]) { return "UTF-32BE" }
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) || starts(with: [0x3C, 0x00, 0x00, 0x00]) { return "UTF-32LE" }
        if starts(with: [0x00, 0x00, 0x3C, 0x00]) || starts(with: [0x00, 0x3C, 0x00, 0x00]) { return "UCS-4" }
        if starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return "EBCDIC" }
        if starts(with: [0xFE, 0xFF]) || starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return "UTF-16BE" }
        if starts(with: [0xFF, 0xFE]) || starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return "UTF-16LE" }
        return nil
    }

    /// An error when the XML declaration in `range` names an encoding other than UTF-8 (US-ASCII,
    /// a subset, is accepted too).
    private static func declaredEncodingProblem(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, tracker: inout SourcePositionTracker
    ) -> XMLParseError? {
        var index = range.lowerBound
        while index < range.upperBound, !MarkupLexer.has("encoding", in: bytes, at: index) { index += 1 }
        index += 8
        while index < range.upperBound, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
            index += 1
        }
        guard index < range.upperBound else { return nil }
        let quote = bytes[index]
        let valueStart = index + 1
        let valueEnd = min(MarkupLexer.find(quote, in: bytes, from: valueStart), range.upperBound)
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
        let accepted = ["utf-8", "utf8", "us-ascii", "ascii"]
        if accepted.contains(name.lowercased()) { return nil }
        return XMLParseError(
            location: tracker.location(at: valueStart), reason: unsupportedEncodingReason("'\(name)'"))
    }
}

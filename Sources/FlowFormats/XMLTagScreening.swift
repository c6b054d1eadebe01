/// A linear pass over an XML document before libxml2 parses it, refusing start tags with more
/// attributes than ``XMLTagScreening/maximumAttributes``.
///
/// libxml2 2.9 checks a tag's attributes for duplicates pairwise, so a body of one tag with a
/// hundred thousand attributes costs billions of comparisons: a denial of service in a single
/// request. Real elements have a handful; the limit is far above any of them. The scan skips
/// comments, CDATA sections, processing instructions and declarations, and counts `=` outside
/// quotes in start tags; anything it misjudges is still parsed (and checked) by libxml2.
enum XMLTagScreening {
    /// The most attributes (namespace declarations included) one start tag may have.
    static let maximumAttributes = 1_000

    /// An error for the first start tag over the limit, located at its `<`.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> FormatError? {
        let count = bytes.count
        var index = 0
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let start = index
            if has("<!--", at: index, in: bytes) {
                index = end(of: "-->", from: index + 4, in: bytes)
            } else if has("<![CDATA[", at: index, in: bytes) {
                index = end(of: "]]>", from: index + 9, in: bytes)
            } else if has("<?", at: index, in: bytes) {
                index = end(of: "?>", from: index + 2, in: bytes)
            } else if has("<!", at: index, in: bytes) {
                index = endOfDeclaration(from: index + 2, in: bytes)
            } else {
                var attributes = 0
                var quote: UInt8? = nil
                index += 1
                while index < count {
                    let byte = bytes[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > maximumAttributes {
                            return TextPosition(offset: start, in: bytes).error(
                                "Element has more than \(maximumAttributes) attributes")
                        }
                    } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                        break
                    }
                    index += 1
                }
            }
        }
        return nil
    }

    private static func has(_ marker: StaticString, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = marker.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[index + offset] != marker.utf8Start[offset] { return false }
        return true
    }

    /// The offset just past the next `marker` at or after `index`, or the end of the bytes.
    private static func end(of marker: StaticString, from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = index
        while index < bytes.count {
            if bytes[index] == marker.utf8Start[0], has(marker, at: index, in: bytes) {
                return index + marker.utf8CodeUnitCount
            }
            index += 1
        }
        return bytes.count
    }

    /// The end of a `<!DOCTYPE …>`-like declaration, whose internal subset (in brackets) may hold
    /// `>` characters.
    private static func endOfDeclaration(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = index
        var depth = 0
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: ">"), depth == 0 {
                return index
            }
        }
        return bytes.count
    }
}

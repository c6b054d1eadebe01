/// The little of DER (X.690) that a Java key store's protected keys need: walking the tag-length-
/// value elements of an `EncryptedPrivateKeyInfo` and its PBE parameters.
struct DERReader {
    /// The bytes are not the DER element expected.
    struct Malformed: Error {}

    /// One element: its tag and its contents.
    struct Element {
        let tag: UInt8
        let contents: ArraySlice<UInt8>
    }

    static let sequence: UInt8 = 0x30
    static let objectIdentifier: UInt8 = 0x06
    static let octetString: UInt8 = 0x04
    static let integer: UInt8 = 0x02

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    /// The next element, which must have `tag`.
    mutating func read(_ tag: UInt8) throws(Malformed) -> Element {
        let element = try readAny()
        guard element.tag == tag else { throw Malformed() }
        return element
    }

    /// The next element, whatever its tag.
    mutating func readAny() throws(Malformed) -> Element {
        guard index < bytes.endIndex else { throw Malformed() }
        let tag = bytes[index]
        index += 1
        // High tag numbers (0x1F) never occur in the structures read here.
        guard tag & 0x1F != 0x1F, index < bytes.endIndex else { throw Malformed() }
        let first = bytes[index]
        index += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let octets = Int(first & 0x7F)
            // Four length octets cover any key store; more would only be a damaged file.
            guard (1...4).contains(octets), bytes.endIndex - index >= octets else { throw Malformed() }
            for _ in 0..<octets {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
        }
        guard length <= bytes.endIndex - index else { throw Malformed() }
        defer { index += length }
        return Element(tag: tag, contents: bytes[index..<index + length])
    }

    /// The contents of a non-negative INTEGER that fits in an `Int`.
    static func integerValue(_ element: Element) throws(Malformed) -> Int {
        guard element.tag == integer, !element.contents.isEmpty, element.contents.count <= 8,
              element.contents.first! & 0x80 == 0 else { throw Malformed() }
        return element.contents.reduce(0) { $0 << 8 | Int($1) }
    }
}

/// Where each member of a JSON object lies in its document's bytes: members are then selected
/// (`payload.id` of a large answer) by decoding their own bytes only, not the whole document.
///
/// Made by ``JSON/indexObject(_:)``, which has checked the whole document, so a member's bytes
/// always decode. The bytes themselves are not kept: pass the same bytes to
/// ``member(at:in:)``.
public struct JSONObjectIndex: Sendable {
    /// Where a member's key and value are in the document.
    struct Member: Sendable {
        /// The key's bytes, between its quotes.
        let keyBytes: Range<Int>
        /// The key's text when its bytes are not that text as they stand (an escape, or UTF-8
        /// beyond ASCII); nil for a plain ASCII key, which is its bytes.
        let keyText: String?
        /// The value's bytes.
        let bytes: Range<Int>

        /// Whether the key is `key`, as ``ValueObject`` compares keys: the same text of the same
        /// UTF-8 length. A plain ASCII key is compared byte for byte: no other text of its length
        /// is canonically equivalent to ASCII text.
        func hasKey(_ key: String, in document: UnsafeRawBufferPointer) -> Bool {
            if let keyText { return ValueObject.isSameKey(keyText, key) }
            return keyBytes.count == key.utf8.count && document[keyBytes].elementsEqual(key.utf8)
        }
    }

    /// The members in document order; nil when the document is null.
    private let members: [Member]?

    init(members: [Member]?) {
        self.members = members
    }

    /// The value at the key path `path` (not empty), as `payload.a.b` selects it from the decoded
    /// document: null for an absent key or a null on the way, the first value of a repeated key
    /// (as ``ValueObject`` looks keys up). Nil when the path goes on through an array, a string,
    /// a number or a boolean: selecting from those is for the decoded value.
    public func member(at path: ArraySlice<String>, in bytes: UnsafeRawBufferPointer) -> Value? {
        guard let members else { return .null }
        guard let key = path.first else { return .none }
        guard let member = members.first(where: { $0.hasKey(key, in: bytes) }) else { return .null }
        let valueBytes = UnsafeRawBufferPointer(rebasing: bytes[member.bytes])
        if path.count == 1 { return try? JSON.decode(valueBytes) }
        return JSON.indexObject(valueBytes)?.member(at: path.dropFirst(), in: valueBytes)
    }
}

/// Where each member of a JSON object lies in its document's bytes: members are then selected
/// (`payload.id` of a large answer) by decoding their own bytes only, not the whole document.
///
/// Made by ``JSON/indexObject(_:)``, which has checked the whole document, so a member's bytes
/// always decode. The bytes themselves are not kept: pass the same bytes to
/// ``member(at:in:)``.
public struct JSONObjectIndex: Sendable {
    /// A member's key and the range of its value's bytes.
    struct Member: Sendable {
        let key: String
        let bytes: Range<Int>
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
        guard let member = members.first(where: { $0.key == key }) else { return .null }
        let valueBytes = UnsafeRawBufferPointer(rebasing: bytes[member.bytes])
        if path.count == 1 { return try? JSON.decode(valueBytes) }
        return JSON.indexObject(valueBytes)?.member(at: path.dropFirst(), in: valueBytes)
    }
}

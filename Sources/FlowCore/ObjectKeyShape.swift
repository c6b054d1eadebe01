/// The keys of one object, in order, kept to tell cheaply whether another object has the same
/// keys in the same order: the payloads one integration receives nearly always do, so work
/// worked out for one object's keys (which member goes where) can be reused for the next.
///
/// Keys are compared as ``ValueObject`` looks keys up: the same text of the same UTF-8 length.
/// A short ASCII key (up to 15 bytes, most JSON keys) is compared by its string's two words,
/// retaining nothing; a longer one by length, then text.
public struct ObjectKeyShape: Sendable {
    private enum Key: Sendable {
        case small(StringBits)
        case text(String)
    }

    private let keys: [Key]

    /// The shape of `object`'s keys.
    public init(of object: ValueObject) {
        keys = object.entries.map { entry in
            let bits = StringBits(entry.key)
            return bits.isSmallASCII ? .small(bits) : .text(entry.key)
        }
    }

    /// Whether `object` has exactly these keys, in this order.
    public func matches(_ object: ValueObject) -> Bool {
        guard object.count == keys.count else { return false }
        return object.entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            for index in buffer.indices {
                switch keys[index] {
                case .small(let bits):
                    guard ValueObject.keyBits(base, index) == bits else { return false }
                case .text(let text):
                    guard ValueObject.isSameKey(buffer[index].key, text) else { return false }
                }
            }
            return true
        }
    }
}

/// An object whose keys keep the order in which they were written, as in DataWeave and JSON text.
///
/// Small objects (the usual case) are searched linearly, which beats hashing at these sizes;
/// the first entry with a key wins on lookup, as `payload.key` does in DataWeave.
public struct ValueObject: Sendable, Hashable {
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: Value
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The entries, in order.
    public private(set) var entries: [Entry]

    /// An empty object.
    public init() { entries = [] }

    /// An object from key/value pairs, in order (duplicates kept, as DataWeave does).
    public init(_ pairs: [(String, Value)]) {
        entries = pairs.map { Entry(key: $0.0, value: $0.1) }
    }

    /// An object from entries, in order.
    public init(entries: [Entry]) { self.entries = entries }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The values, in order.
    public var values: [Value] { entries.map(\.value) }

    /// The value of the first entry named `key`; setting replaces it in place or appends.
    public subscript(key: String) -> Value? {
        get {
            // Comparing lengths first (O(1) for native strings) skips most full comparisons:
            // keys longer than 15 bytes are compared out of line.
            let length = key.utf8.count
            for entry in entries where entry.key.utf8.count == length && entry.key == key { return entry.value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// Appends an entry without looking for an existing key (JSON decoding and `++` use this).
    public mutating func append(_ key: String, _ value: Value) {
        entries.append(Entry(key: key, value: value))
    }

    /// Reserves room for `n` entries.
    public mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }
}

/// An object whose keys keep the order in which they were written, as in DataWeave and JSON text.
///
/// Small objects (the usual case) are searched linearly, which beats hashing at these sizes;
/// the first entry with a key wins on lookup, as `payload.key` does in DataWeave.
///
/// A key can carry ``KeyDetails`` (XML attributes and a namespace, DataWeave's
/// `ns0#order @(id: 7)`). They live in a side table that does not exist until a key gets some,
/// so objects from JSON and expressions pay one nil check per append and nothing per lookup.
public struct ValueObject: Sendable {
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

    /// The details of each entry's key, by position; nil while no key has any.
    private var keyDetails: [KeyDetails?]?

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

    /// The value of the first entry named `key`; setting replaces it in place (keeping its key's
    /// details) or appends.
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
                    keyDetails?.remove(at: index)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Appends an entry without looking for an existing key (JSON decoding and `++` use this).
    public mutating func append(_ key: String, _ value: Value) {
        entries.append(Entry(key: key, value: value))
        keyDetails?.append(nil)
    }

    /// Appends an entry whose key has `details` (XML reading, `{a @(id: 1): "x"}`); empty
    /// details are not stored.
    public mutating func append(_ key: String, _ value: Value, details: KeyDetails?) {
        append(key, value)
        if let details, !details.isEmpty { setDetails(details, at: entries.count - 1) }
    }

    /// Reserves room for `n` entries.
    public mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    /// Whether any key has details; writers that have nothing to do with them skip the look-ups.
    public var hasKeyDetails: Bool { keyDetails != nil }

    /// The details of the key at `index` (a position in ``entries``), nil when it has none.
    public func details(at index: Int) -> KeyDetails? {
        guard let keyDetails, keyDetails.indices.contains(index) else { return nil }
        return keyDetails[index]
    }

    /// Sets (or with nil or empty details, removes) the details of the key at `index`.
    public mutating func setDetails(_ details: KeyDetails?, at index: Int) {
        precondition(entries.indices.contains(index), "ValueObject.setDetails: index \(index) out of range")
        let stored = details?.isEmpty == false ? details : nil
        if keyDetails == nil {
            guard stored != nil else { return }
            keyDetails = Array(repeating: nil, count: entries.count)
        }
        keyDetails?[index] = stored
        if stored == nil, keyDetails?.allSatisfy({ $0 == nil }) == true { keyDetails = nil }
    }
}

extension ValueObject: Hashable {
    /// Equal when the entries are equal and every key has the same details (none on both sides
    /// counts as equal, however the objects were built).
    public static func == (lhs: ValueObject, rhs: ValueObject) -> Bool {
        guard lhs.entries == rhs.entries else { return false }
        if lhs.keyDetails == nil, rhs.keyDetails == nil { return true }
        return lhs.entries.indices.allSatisfy { lhs.details(at: $0) == rhs.details(at: $0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }
}

/// An object whose keys keep the order in which they were written, as in DataWeave and JSON text.
///
/// Small objects (the usual case) are searched linearly, which beats hashing at these sizes;
/// the first entry with a key wins on lookup, as `payload.key` does in DataWeave.
///
/// A key can carry ``KeyDetails`` (XML attributes and a namespace, DataWeave's
/// `ns0#order @(id: 7)`), boxed in its entry: an object stays one array reference, and an entry
/// without details carries only a nil pointer, so JSON objects and lookups pay next to nothing.
public struct ValueObject: Sendable, Hashable {
    /// One key and its value, and the key's details if it has any.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: Value
        /// Boxed so that an entry without details grows by one nil pointer, not by a whole
        /// `KeyDetails`.
        @usableFromInline var detailsBox: KeyDetailsBox?

        /// Inlinable so that a caller's `value` moves into the entry: called across the module,
        /// the entry copied it and the caller released its own, an atomic pair per string field.
        @inlinable
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }

        /// Creates an entry whose key has `details` (empty details are not kept).
        public init(key: String, value: Value, details: KeyDetails?) {
            self.key = key
            self.value = value
            self.details = details
        }

        /// The key's XML namespace and attributes; nil when it has none.
        public var details: KeyDetails? {
            get { detailsBox?.details }
            set { detailsBox = newValue.flatMap { $0.isEmpty ? nil : KeyDetailsBox($0) } }
        }

        /// Whether the key has details, without unboxing them.
        var hasDetails: Bool { detailsBox != nil }

        /// Where the key of the entry at `entry` lies, for reading it in place (its words, without
        /// retaining it).
        @inline(__always)
        static func keyAddress(of entry: UnsafePointer<Entry>) -> UnsafeRawPointer {
            UnsafeRawPointer(entry) + MemoryLayout<Entry>.offset(of: \Entry.key)!
        }

        /// Where the value of the entry at `entry` lies, for reading it in place.
        @inline(__always)
        static func valueAddress(of entry: UnsafePointer<Entry>) -> UnsafePointer<Value> {
            (UnsafeRawPointer(entry) + MemoryLayout<Entry>.offset(of: \Entry.value)!).assumingMemoryBound(to: Value.self)
        }
    }

    /// The entries, in order.
    public private(set) var entries: [Entry]
    /// Whether no two entries are known to share a key (CSV rows, literal objects): a lookup may
    /// then trust a position hint without scanning the entries before it. False says nothing.
    private var keysAreKnownDistinct = false

    /// An empty object.
    public init() { entries = [] }

    /// An object from entries that the caller knows have distinct keys, such as a CSV row under
    /// a header without repeats, or an object literal whose keys are all different: lookups with
    /// a hint (``Value/selectingMember(_:hint:)``) can then skip the scan. Checked in debug builds.
    public init(entries: [Entry], keysAreDistinct: Bool) {
        self.entries = entries
        keysAreKnownDistinct = keysAreDistinct
        assert(!keysAreDistinct || Self.keysAreDistinct(entries.map(\.key)),
               "ValueObject(entries:keysAreDistinct:) was given repeated keys")
    }

    /// Whether no two of `keys` are the same text, compared as lookups compare keys (exact
    /// UTF-8, as DataWeave does): what ``init(entries:keysAreDistinct:)`` asks of its callers.
    public static func keysAreDistinct(_ keys: [String]) -> Bool {
        Set(keys.map { Array($0.utf8) }).count == keys.count
    }

    public static func == (lhs: ValueObject, rhs: ValueObject) -> Bool { lhs.entries == rhs.entries }

    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

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
            entries.withUnsafeBufferPointer { buffer in
                guard let index = Self.index(ofKey: key, in: buffer) else { return nil }
                return buffer[index].value
            }
        }
        set {
            if let index = index(ofKey: key) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                // A key that was not there keeps the keys distinct.
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// `self[key.text]`, trying position `hint` first when the keys are known to be distinct (so
    /// the entry there, if it has the key, is the only one); `hint` is set to where the key was
    /// found. A selector evaluated over many rows of one shape keeps its hint, and finds each
    /// key at once instead of scanning the keys before it.
    // Inlined so that a caller reading the object where it lies (``Value/selectingMember(of:_:hint:)``)
    // need not copy it, retaining its entries, to keep it alive across a call.
    @inline(__always)
    public func value(for key: LookupKey, hint: inout Int) -> Value? {
        entries.withUnsafeBufferPointer { buffer in
            if keysAreKnownDistinct, let needle = key.smallASCIIBits, hint >= 0, hint < buffer.count,
                let base = buffer.baseAddress, Self.keyBits(base, hint) == needle
            {
                return buffer[hint].value
            }
            guard let index = Self.index(ofKey: key.text, in: buffer) else { return nil }
            hint = index
            return buffer[index].value
        }
    }

    /// The words of the key of the entry at `index`, read in place.
    @inline(__always)
    static func keyBits(_ base: UnsafePointer<Entry>, _ index: Int) -> StringBits {
        StringBits(at: Entry.keyAddress(of: base + index))
    }

    /// The position in ``entries`` of the first entry named `key`.
    ///
    /// Entries are looked at in place, not copied, so the scan retains nothing. A short ASCII key
    /// (the usual case) is compared by its two words against each entry's: equal words are equal
    /// strings, and two short ASCII strings with different words differ, so only other entry
    /// keys need a real comparison. Keys of another UTF-8 length never match: DataWeave compares
    /// keys as exact text, so `café` with a combining accent is another key.
    public func index(ofKey key: String) -> Int? {
        entries.withUnsafeBufferPointer { Self.index(ofKey: key, in: $0) }
    }

    @inline(__always)
    private static func index(ofKey key: String, in buffer: UnsafeBufferPointer<Entry>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let needle = StringBits(key)
        if needle.isSmallASCII {
            for index in buffer.indices {
                let bits = keyBits(base, index)
                if bits == needle { return index }
                if bits.high & StringBits.smallASCIIFlags != StringBits.smallASCIIFlags,
                    isSameKey(buffer[index].key, key)
                {
                    return index
                }
            }
            return nil
        }
        for index in buffer.indices where isSameKey(buffer[index].key, key) {
            return index
        }
        return nil
    }

    /// Whether `key` and `other` are the same key, as objects look keys up: the same text of the
    /// same UTF-8 length. DataWeave compares keys as exact text, so `café` written with a
    /// combining accent is another key, which Swift's `==` alone would take for the same.
    /// Comparing lengths first (O(1) for native strings) also skips most full comparisons.
    @inline(__always)
    public static func isSameKey(_ key: String, _ other: String) -> Bool {
        key.utf8.count == other.utf8.count && key == other
    }

    /// Appends an entry without looking for an existing key (JSON decoding and `++` use this).
    /// Takes the key and the value over (`consuming`): a caller's last use of them moves them in,
    /// instead of a retain here and a release there for each of a decoded object's members.
    public mutating func append(_ key: consuming String, _ value: consuming Value) {
        keysAreKnownDistinct = false
        entries.append(Entry(key: key, value: value))
    }

    /// Appends an entry whose key has `details` (XML reading, `{a @(id: 1): "x"}`); empty
    /// details are not stored.
    public mutating func append(_ key: String, _ value: Value, details: KeyDetails?) {
        keysAreKnownDistinct = false
        entries.append(Entry(key: key, value: value, details: details))
    }

    /// Reserves room for `n` entries.
    public mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    /// Calls `body` with the entries' storage, made this object's own first (copied only when
    /// something else holds it), to replace values where they lie: a reader handing on rows one
    /// at a time (a CSV's, to a `map`) refills the last row this way instead of making a new one.
    /// `body` must leave the keys as they are. Returns its result, and whether the storage was
    /// this object's own already (false: it was shared, and has been copied).
    public mutating func withEntriesInPlace<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<Entry>) throws(Failure) -> Result
    ) throws(Failure) -> (result: Result, wasOwn: Bool) {
        let storage = entries.withUnsafeBufferPointer { $0.baseAddress }
        let result = try entries.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in try body(buffer) }
        return (result, entries.withUnsafeBufferPointer { $0.baseAddress } == storage)
    }

    /// Whether any key has details (a scan: for writers deciding whether to look at them).
    public var hasKeyDetails: Bool { entries.contains { $0.hasDetails } }

    /// The details of the key at `index` (a position in ``entries``), nil when it has none.
    public func details(at index: Int) -> KeyDetails? {
        entries.indices.contains(index) ? entries[index].details : nil
    }

    /// Sets (or with nil or empty details, removes) the details of the key at `index`.
    public mutating func setDetails(_ details: KeyDetails?, at index: Int) {
        precondition(entries.indices.contains(index), "ValueObject.setDetails: index \(index) out of range")
        entries[index].details = details
    }
}

/// Holds a key's details out of line; compared and hashed by content.
@usableFromInline
final class KeyDetailsBox: Sendable, Hashable {
    let details: KeyDetails

    init(_ details: KeyDetails) { self.details = details }

    @usableFromInline
    static func == (lhs: KeyDetailsBox, rhs: KeyDetailsBox) -> Bool {
        lhs === rhs || lhs.details == rhs.details
    }

    @usableFromInline
    func hash(into hasher: inout Hasher) { hasher.combine(details) }
}

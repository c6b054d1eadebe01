import FlowCore
import Foundation

/// One partition's entries with when each was stored and when it expires: the rules every
/// ``KeyValueStore`` implementation keeps in memory share (expired means absent, insertion order,
/// trimming to the newest entries), and its form in a file.
public struct KeyValuePartition: Sendable {
    /// One stored value.
    public struct Entry: Sendable, Hashable {
        /// The value.
        public var value: Value
        /// When it was stored (orders entries; the oldest go first when a store is trimmed).
        public var storedAt: Date
        /// When it stops existing; nil for never.
        public var expiresAt: Date?

        /// Whether it has expired at `now`.
        public func isExpired(at now: Date) -> Bool {
            expiresAt.map { $0 <= now } ?? false
        }
    }

    private var entries: [String: Entry] = [:]
    /// Breaks ties between entries stored in the same millisecond, so the order is the order of
    /// the writes.
    private var sequence: [String: UInt64] = [:]
    private var nextSequence: UInt64 = 0

    /// An empty partition.
    public init() {}

    /// The unexpired value under `key`.
    public func value(forKey key: String, at now: Date) -> Value? {
        guard let entry = entries[key], !entry.isExpired(at: now) else { return nil }
        return entry.value
    }

    /// Stores `value` under `key`, replacing any entry.
    public mutating func put(_ value: Value, forKey key: String, at now: Date, expiresAt: Date?) {
        entries[key] = Entry(value: value, storedAt: now, expiresAt: expiresAt)
        sequence[key] = nextSequence
        nextSequence += 1
    }

    /// Stores `value` under `key` unless an unexpired entry is there; true when stored.
    public mutating func insert(_ value: Value, forKey key: String, at now: Date, expiresAt: Date?) -> Bool {
        if self.value(forKey: key, at: now) != nil { return false }
        put(value, forKey: key, at: now, expiresAt: expiresAt)
        return true
    }

    /// Removes the entry under `key`, returning its value when it had not expired.
    public mutating func remove(_ key: String, at now: Date) -> Value? {
        sequence.removeValue(forKey: key)
        guard let removed = entries.removeValue(forKey: key), !removed.isExpired(at: now) else { return nil }
        return removed.value
    }

    /// Whether anything, expired or not, is stored under `key` (a removal then changes the partition).
    public func holdsEntry(forKey key: String) -> Bool { entries[key] != nil }

    /// The unexpired entries, oldest first.
    public func live(at now: Date) -> [(key: String, value: Value)] {
        ordered.filter { !$0.entry.isExpired(at: now) }.map { ($0.key, $0.entry.value) }
    }

    /// Removes every entry.
    public mutating func removeAll() {
        entries.removeAll()
        sequence.removeAll()
    }

    /// Whether it holds no entry at all.
    public var isEmpty: Bool { entries.isEmpty }

    /// Removes expired entries, then the oldest beyond `limit`; returns how many went.
    public mutating func removeExpired(at now: Date, keepingNewest limit: Int?) -> Int {
        var doomed = entries.filter { $0.value.isExpired(at: now) }.map(\.key)
        if let limit {
            let live = ordered.filter { !$0.entry.isExpired(at: now) }
            if live.count > max(limit, 0) { doomed += live.prefix(live.count - max(limit, 0)).map(\.key) }
        }
        for key in doomed {
            entries.removeValue(forKey: key)
            sequence.removeValue(forKey: key)
        }
        return doomed.count
    }

    private var ordered: [(key: String, entry: Entry)] {
        entries.sorted { left, right in
            if left.value.storedAt != right.value.storedAt { return left.value.storedAt < right.value.storedAt }
            return (sequence[left.key] ?? 0) < (sequence[right.key] ?? 0)
        }.map { ($0.key, $0.value) }
    }

    // MARK: File form

    /// The partition as a file holds it: `{"version": 2, "entries": {key: {"value", "storedAt",
    /// "expiresAt"}}}`, times in milliseconds since 1970, oldest entry first.
    public var fileValue: Value {
        let object = ValueObject(ordered.map { key, entry in
            var fields: [(String, Value)] = [("value", entry.value), ("storedAt", .int(Self.milliseconds(entry.storedAt)))]
            if let expiresAt = entry.expiresAt { fields.append(("expiresAt", .int(Self.milliseconds(expiresAt)))) }
            return (key, .object(ValueObject(fields)))
        })
        return .object(ValueObject([("version", .int(2)), ("entries", .object(object))]))
    }

    /// Reads ``fileValue``, or the version-1 form (`{"entries": {key: value}}`, which kept no
    /// times: its entries count as stored at `now` and never expire); nil when `file` is neither.
    public init?(fileValue file: Value, now: Date) {
        guard case .object(let object)? = file["entries"] else { return nil }
        let isVersion1 = file["version"] == .int(1)
        for entry in object.entries {
            let key = entry.key, stored = entry.value
            if isVersion1 {
                put(stored, forKey: key, at: now, expiresAt: nil)
                continue
            }
            guard let value = stored["value"], case .int(let storedAt)? = stored["storedAt"] else { return nil }
            var expiresAt: Date?
            if let expiry = stored["expiresAt"] {
                guard case .int(let milliseconds) = expiry else { return nil }
                expiresAt = Self.date(milliseconds)
            }
            put(value, forKey: key, at: Self.date(storedAt), expiresAt: expiresAt)
        }
    }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    private static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}

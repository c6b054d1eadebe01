import FlowCore
import FlowEngine
import Foundation

/// What every ``KeyValueStore`` promises (its protocol's documentation), as checks that run
/// against any implementation: the memory, file and database stores each run all of them, so a
/// new backend is held to the same behaviour as the others.
///
/// Each check works in partitions of its own (random names), so one store, or one database, can
/// serve every check, also concurrently. Use as `@Test(arguments: KeyValueStoreContract.checks)`.
public enum KeyValueStoreContract {
    /// One promise of the contract.
    public struct Check: Sendable, CustomStringConvertible {
        /// What is promised.
        public let description: String
        fileprivate let body: @Sendable (any KeyValueStore, _ partition: String, _ other: String) async throws -> Void

        /// Checks the promise on `store`; throws a ``Violation`` saying what differed.
        public func run(on store: any KeyValueStore) async throws {
            // Names that a file-backed or SQL-backed store must keep apart and carry intact.
            let unique = UUID().uuidString.prefix(8)
            try await body(store, "contract ü/\(unique)", "contract-other-\(unique)")
        }
    }

    /// A store that broke a promise.
    public struct Violation: Error, CustomStringConvertible {
        /// What was expected and what came instead.
        public let description: String
    }

    /// A record with the kinds of value a flow stores (nested object, decimal, a large integer,
    /// array, Boolean, null, text outside ASCII).
    public static let record: Value = .object(ValueObject([
        ("id", .int(562949953437078)), ("name", "Conduit HQ — Zürich"), ("ratio", .decimal(Decimal(string: "0.25")!)),
        ("tags", ["a", "b"]), ("active", true), ("none", .null),
        ("nested", .object(ValueObject([("z", 1), ("a", 2)]))),
    ]))

    /// Every check.
    public static let checks: [Check] = [
        Check(description: "put, get, contains and remove round-trip values and keys") { store, partition, _ in
            try expect(try await store.get("k", partition: partition), nil, "get of a key never stored")
            try expect(try await store.contains("k", partition: partition), false, "contains of a key never stored")
            try await store.put(record, forKey: "k", partition: partition)
            try expect(try await store.get("k", partition: partition), record, "get after put")
            try expect(try await store.contains("k", partition: partition), true, "contains after put")
            try await store.put("replaced", forKey: "k", partition: partition)
            try expect(try await store.get("k", partition: partition), "replaced", "get after a second put")
            try await store.put(.string("ключ ✓"), forKey: "key with spaces/and 'quotes'", partition: partition)
            try expect(try await store.get("key with spaces/and 'quotes'", partition: partition), "ключ ✓", "get of an unusual key")
            try expect(try await store.remove("k", partition: partition), "replaced", "remove returns the value")
            try expect(try await store.remove("k", partition: partition), nil, "a second remove")
            try expect(try await store.contains("k", partition: partition), false, "contains after remove")
        },
        Check(description: "partitions are independent") { store, partition, other in
            try await store.put(1, forKey: "k", partition: partition)
            try await store.put(2, forKey: "k", partition: other)
            try expect(try await store.get("k", partition: partition), 1, "the first partition's value")
            try expect(try await store.get("k", partition: other), 2, "the second partition's value")
            try await store.removeAll(partition: partition)
            try expect(try await store.keys(partition: partition), [], "keys of the emptied partition")
            try expect(try await store.get("k", partition: other), 2, "the other partition after removeAll")
            try await store.removeAll(partition: other)
        },
        Check(description: "insert stores only when the key is absent") { store, partition, _ in
            try expect(try await store.insert("first", forKey: "k", partition: partition, expiresAt: nil), true, "the first insert")
            try expect(try await store.insert("second", forKey: "k", partition: partition, expiresAt: nil), false, "a second insert")
            try expect(try await store.get("k", partition: partition), "first", "the value after a refused insert")
            try await store.put("put", forKey: "k", partition: partition)
            try expect(try await store.get("k", partition: partition), "put", "put still replaces")
        },
        Check(description: "an expired entry is absent for every operation, and an insert takes its key") { store, partition, _ in
            let past = Date().addingTimeInterval(-1), future = Date().addingTimeInterval(600)
            try await store.put("old", forKey: "gone", partition: partition, expiresAt: past)
            try await store.put("live", forKey: "kept", partition: partition, expiresAt: future)
            try expect(try await store.get("gone", partition: partition), nil, "get of an expired entry")
            try expect(try await store.contains("gone", partition: partition), false, "contains of an expired entry")
            try expect(try await store.get("kept", partition: partition), "live", "get of an entry expiring later")
            try expect(try await store.keys(partition: partition), ["kept"], "keys")
            try expect(try await store.entries(partition: partition).map(\.key), ["kept"], "entries")
            try expect(try await store.insert("new", forKey: "gone", partition: partition, expiresAt: nil), true, "insert over an expired entry")
            try expect(try await store.get("gone", partition: partition), "new", "the value inserted over an expired entry")
            try await store.put("old", forKey: "dead", partition: partition, expiresAt: past)
            try expect(try await store.remove("dead", partition: partition), nil, "remove of an expired entry")
        },
        Check(description: "keys and entries come oldest first, and a replaced entry becomes the newest") { store, partition, _ in
            for key in ["c", "a", "b"] { try await store.put(.string(key.uppercased()), forKey: key, partition: partition) }
            try expect(try await store.keys(partition: partition), ["c", "a", "b"], "keys in insertion order")
            try await store.put("C2", forKey: "c", partition: partition)
            let entries = try await store.entries(partition: partition)
            try expect(entries.map(\.key), ["a", "b", "c"], "keys after replacing the oldest")
            try expect(entries.map(\.value), ["A", "B", "C2"], "values of the entries")
        },
        Check(description: "removeExpired reclaims expired entries and trims to the newest") { store, partition, _ in
            for index in 1...4 { try await store.put(.int(Int64(index)), forKey: "k\(index)", partition: partition) }
            try await store.put(0, forKey: "gone", partition: partition, expiresAt: Date().addingTimeInterval(-1))
            try expect(try await store.removeExpired(partition: partition, keepingNewest: nil), 1, "removed without a limit")
            try expect(try await store.keys(partition: partition), ["k1", "k2", "k3", "k4"], "keys after reclaiming")
            try await store.put(0, forKey: "gone", partition: partition, expiresAt: Date().addingTimeInterval(-1))
            try expect(try await store.removeExpired(partition: partition, keepingNewest: 2), 3, "removed with a limit of 2")
            try expect(try await store.keys(partition: partition), ["k3", "k4"], "the newest two are kept")
            try expect(try await store.removeExpired(partition: partition, keepingNewest: 2), 0, "nothing more to remove")
            try expect(try await store.removeExpired(partition: partition, keepingNewest: 0), 2, "a limit of 0")
            try expect(try await store.keys(partition: partition), [], "keys after a limit of 0")
        },
        Check(description: "of 50 concurrent inserts of one key exactly one stores") { store, partition, _ in
            let stored = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<50 {
                    group.addTask { try await store.insert(.int(Int64(index)), forKey: "id", partition: partition, expiresAt: nil) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            try expect(stored, 1, "inserts that stored")
        },
        Check(description: "concurrent writers lose no update") { store, partition, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<30 {
                    group.addTask { try await store.put(.int(Int64(index)), forKey: "key-\(index)", partition: partition) }
                }
                try await group.waitForAll()
            }
            try expect(Set(try await store.keys(partition: partition)), Set((0..<30).map { "key-\($0)" }), "keys after concurrent puts")
            for index in 0..<30 {
                try expect(try await store.get("key-\(index)", partition: partition), .int(Int64(index)), "value of key-\(index)")
            }
        },
    ]

    private static func expect<T: Equatable>(_ actual: T, _ expected: T, _ what: String) throws {
        guard actual == expected else { throw Violation(description: "\(what): expected \(expected), got \(actual)") }
    }
}

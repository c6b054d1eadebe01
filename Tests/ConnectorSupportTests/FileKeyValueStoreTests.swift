import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation
import Testing

/// The default key-value store: one 0600 JSON file per partition, replaced atomically.
@Suite struct FileKeyValueStoreTests {
    static func temporaryDirectory() -> String {
        TestScratch.path("conduit-kv") + "/nested"
    }

    @Test("the key-value store contract", arguments: KeyValueStoreContract.checks)
    func contract(_ check: KeyValueStoreContract.Check) async throws {
        try await check.run(on: FileKeyValueStore(directory: Self.temporaryDirectory()))
    }

    @Test func valuesSurviveANewStoreOnTheSameDirectory() async throws {
        let directory = Self.temporaryDirectory()
        try await FileKeyValueStore(directory: directory).put(KeyValueStoreContract.record, forKey: "project", partition: "watermarks")
        let reopened = FileKeyValueStore(directory: directory)
        #expect(try await reopened.get("project", partition: "watermarks") == KeyValueStoreContract.record)
    }

    @Test func partitionsAreSeparateFilesWithMode0600AndNoTemporaryFilesLeft() async throws {
        let directory = Self.temporaryDirectory()
        let store = FileKeyValueStore(directory: directory)
        try await store.put(1, forKey: "k", partition: "one")
        try await store.put(2, forKey: "k", partition: "two")
        #expect(try await store.get("k", partition: "one") == 1)
        #expect(try await store.get("k", partition: "two") == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["one.json", "two.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path(of: "one"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func partitionNamesCannotLeaveTheDirectory() async throws {
        let directory = Self.temporaryDirectory()
        let store = FileKeyValueStore(directory: directory)
        #expect(store.path(of: "../../etc/x") == directory + "/..%2F..%2Fetc%2Fx.json")
        try await store.put(true, forKey: "k", partition: "../escape")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["..%2Fescape.json"])
    }

    @Test func concurrentWritesAllReachTheFile() async throws {
        let store = FileKeyValueStore(directory: Self.temporaryDirectory())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask { try await store.put(.int(Int64(index)), forKey: "key-\(index)", partition: "shared") }
            }
            try await group.waitForAll()
        }
        let reopened = FileKeyValueStore(directory: store.directory)
        for index in 0..<20 {
            #expect(try await reopened.get("key-\(index)", partition: "shared") == .int(Int64(index)))
        }
    }

    @Test func corruptPartitionIsReportedWithoutItsContents() async throws {
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = FileKeyValueStore(directory: directory)
        try "secret-ish garbage".write(toFile: store.path(of: "p"), atomically: true, encoding: .utf8)
        await #expect(throws: KeyValueStoreError(location: store.path(of: "p"), reason: "is not a key-value store file")) {
            try await store.get("k", partition: "p")
        }
        #expect("\(KeyValueStoreError(location: "/x/p.json", reason: "is not a key-value store file"))"
            == "Key-value store '/x/p.json' is not a key-value store file")
    }

    @Test func expiryAndTrimmingSurviveAReopen() async throws {
        let directory = Self.temporaryDirectory()
        let store = FileKeyValueStore(directory: directory)
        for index in 1...4 { try await store.put(.int(Int64(index)), forKey: "k\(index)", partition: "p") }
        try await store.put(0, forKey: "gone", partition: "p", expiresAt: Date().addingTimeInterval(-1))
        #expect(try await store.removeExpired(partition: "p", keepingNewest: 2) == 3)
        let reopened = FileKeyValueStore(directory: directory)
        #expect(try await reopened.entries(partition: "p").map(\.key) == ["k3", "k4"])
        try await reopened.removeAll(partition: "p")
        #expect(try await FileKeyValueStore(directory: directory).keys(partition: "p") == [])
    }

    @Test func version1FilesAreStillRead() async throws {
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = FileKeyValueStore(directory: directory)
        try #"{"version": 1, "entries": {"watermark": "2026-01-01"}}"#.write(toFile: store.path(of: "p"), atomically: true, encoding: .utf8)
        #expect(try await store.get("watermark", partition: "p") == "2026-01-01")
    }
}

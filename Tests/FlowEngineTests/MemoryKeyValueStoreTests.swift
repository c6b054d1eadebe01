import ConduitTestSupport
import FlowEngine
import Testing

/// The in-memory key-value store (transient object stores, the validator's internal store).
@Suite struct MemoryKeyValueStoreTests {
    @Test("the key-value store contract", arguments: KeyValueStoreContract.checks)
    func contract(_ check: KeyValueStoreContract.Check) async throws {
        try await check.run(on: MemoryKeyValueStore())
    }
}

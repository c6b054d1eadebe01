import CMalloc
@testable import FlowCore
import Testing

/// Conduit keeps freed memory of large transforms for reuse (``HeapRetention``), unless the user
/// tunes glibc's allocator.
@Suite struct HeapRetentionTests {
    @Test func leavesAnAllocatorTheUserTunesAlone() {
        for name in HeapRetention.userSettings {
            #expect(!HeapRetention.apply(environment: [name: "1"]), "\(name)")
        }
    }

    #if canImport(Glibc)
    @Test func blocksOfAFewMegabytesComeFromTheHeapOnceApplied() {
        #expect(HeapRetention.apply(environment: [:]))
        // A 4 MB block is given a mapping of its own by default; kept in the heap, it is counted
        // among the heap's bytes, not among the mapped blocks.
        let mappedBefore = mallinfo2().hblkhd
        let block = malloc(4 << 20)
        let mappedDuring = mallinfo2().hblkhd
        free(block)
        #expect(mappedDuring - mappedBefore < 4 << 20)
    }
    #endif
}

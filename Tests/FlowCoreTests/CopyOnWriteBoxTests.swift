import Testing
import FlowCore

@Suite struct CopyOnWriteBoxTests {
    @Test func copiesHaveValueSemantics() {
        let original = CopyOnWriteBox([1, 2, 3])
        var copy = original
        copy.value.append(4)
        #expect(original.value == [1, 2, 3])
        #expect(copy.value == [1, 2, 3, 4])
        var unique = CopyOnWriteBox("a")
        unique.value += "b"
        #expect(unique.value == "ab")
    }

    @Test func isOneReferenceWide() {
        #expect(MemoryLayout<CopyOnWriteBox<(String, String, String, [Int])>>.size == MemoryLayout<AnyObject>.size)
    }
}

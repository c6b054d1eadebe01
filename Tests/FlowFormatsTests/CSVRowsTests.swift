import FlowCore
import FlowFormats
import Testing

/// ``TypedValue/forEachRow(_:)``: CSV rows handed on one at a time, each refilled in place for
/// the next unless it was kept.
@Suite struct CSVRowsTests {
    static let csv = MediaType(parsing: "application/csv")!

    static func storage(of row: Value) -> UnsafeRawPointer? {
        row.objectValue?.entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func rowsNotKeptAreRefilledInPlace() throws {
        let typed = TypedValue(content: Array("a,b\n1,2\n3,4\n5,6\n".utf8), mediaType: Self.csv)
        var seen: [String] = [], indices: [Int] = [], storages: Set<UnsafeRawPointer?> = []
        let streamed = try typed.forEachRow { row, index in
            seen.append(JSON.encode(row))
            indices.append(index)
            storages.insert(Self.storage(of: row))
            return true
        }
        #expect(streamed)
        #expect(seen == [#"{"a":"1","b":"2"}"#, #"{"a":"3","b":"4"}"#, #"{"a":"5","b":"6"}"#])
        #expect(indices == [0, 1, 2])
        #expect(storages.count == 1)
    }

    @Test func rowsKeptStayAsTheyWereRead() throws {
        let typed = TypedValue(content: Array("a,b\n1,2\n3,4\n5,6\n".utf8), mediaType: Self.csv)
        var kept: [Value] = []
        _ = try typed.forEachRow { row, _ in
            kept.append(row)
            return true
        }
        #expect(JSON.encode(.array(kept)) == #"[{"a":"1","b":"2"},{"a":"3","b":"4"},{"a":"5","b":"6"}]"#)
        #expect(Set(kept.map(Self.storage(of:))).count == 3)
    }

    @Test func afterTheBodyStopsTheRestIsStillCheckedAndTheFailureKept() throws {
        let typed = TypedValue(content: Array("a\n1\n2\n\"3\n".utf8), mediaType: Self.csv)
        var seen = 0
        let expected = ContentReadError(mediaType: Self.csv, failure: FormatError(
            "Unterminated quoted value: the quote opened here is never closed", line: 4, column: 1))
        #expect(throws: expected) {
            try typed.forEachRow { _, _ in
                seen += 1
                return false
            }
        }
        #expect(seen == 1)
        // Kept as reading the value would keep it: read again, the same failure, and no streaming.
        #expect(throws: expected) { try typed.value }
        #expect(try typed.forEachRow { _, _ in true } == false)
    }

    @Test func rowsAskedForWhileRowsAreHandedOnComeFromTheValue() throws {
        let typed = TypedValue(content: Array("a\n1\n2\n".utf8), mediaType: Self.csv)
        var inner: [Bool] = [], innerValues: [Value] = []
        _ = try typed.forEachRow { _, _ in
            // As `payload map` does when no rows are handed on: it reads the value.
            inner.append((try? typed.forEachRow { _, _ in true }) ?? true)
            innerValues.append((try? typed.value) ?? .null)
            return true
        }
        #expect(inner == [false, false])
        #expect(innerValues == [[["a": "1"], ["a": "2"]], [["a": "1"], ["a": "2"]]])
        // The value read inside is stored: rows are not handed on any more.
        #expect(try typed.forEachRow { _, _ in true } == false)
    }

    @Test func otherContentIsNotHandedOn() throws {
        var calls = 0
        let count: (Value, Int) -> Bool = { _, _ in
            calls += 1
            return true
        }
        let json = TypedValue(content: Array("[{\"a\": 1}]".utf8), mediaType: .json)
        let latin1 = TypedValue(content: Array("a\n1\n".utf8), mediaType: MediaType(parsing: "application/csv; charset=ISO-8859-1")!)
        let read = TypedValue(content: Array("a\n1\n".utf8), mediaType: Self.csv)
        _ = try read.value
        for typed in [json, latin1, read, TypedValue(.array(["a"])), TypedValue(content: [UInt8](), mediaType: Self.csv)] {
            #expect(try typed.forEachRow(count) == false)
        }
        #expect(calls == 0)
    }
}

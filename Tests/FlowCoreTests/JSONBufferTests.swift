import FlowCore
import Testing

@Suite("JSON over caller-owned memory")
struct JSONBufferTests {
    @Test("decoding raw bytes in place gives what decoding an array gives", arguments: JSONDecodingTests.validDocuments.map(\.0))
    func rawBytesMatchArray(text: String) throws {
        let bytes = Array(text.utf8)
        let expected = try JSON.decode(bytes)
        #expect(try bytes.withUnsafeBytes { raw in try JSON.decode(raw) } == expected)
        #expect(try JSON.decode(bytes[...]) == expected)
        #expect(try JSON.decode(bytes.lazy.map { $0 }) == expected)
    }

    @Test("a raw buffer is read only within its bounds")
    func rawBufferBounds() throws {
        let bytes = Array("xx[1, {\"a\": true}]yy".utf8)
        let value = try bytes.withUnsafeBytes { raw in try JSON.decode(UnsafeRawBufferPointer(rebasing: raw[2..<18])) }
        #expect(value == [1, ["a": true]])
    }

    @Test("errors from raw bytes and other collections are those of the array overload", arguments: JSONDecodingTests.invalidDocuments)
    func errors(text: String, message: String) {
        let bytes = Array(text.utf8)
        let expected = #expect(throws: JSONSyntaxError.self) { try JSON.decode(bytes) }
        #expect(expected?.description == message)
        let raw = #expect(throws: JSONSyntaxError.self) { try bytes.withUnsafeBytes { try JSON.decode($0) } }
        #expect(raw?.description == message)
        let lazy = #expect(throws: JSONSyntaxError.self) { try JSON.decode(bytes.lazy.map { $0 }) }
        #expect(lazy == expected)
    }

    @Test("encoding into a buffer appends the compact text after what it holds")
    func encodeIntoBuffer() {
        var output = Array("data: ".utf8)
        JSON.encode(["id": 7, "name": "crane \"T1\""], into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"data: {"id":7,"name":"crane \"T1\""}"#)
        JSON.encode([true, nil], into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"data: {"id":7,"name":"crane \"T1\""}[true,null]"#)
    }

    @Test("a small value is handed over in one chunk")
    func oneChunk() {
        var chunks: [[UInt8]] = []
        JSON.encode(["id": 562_949_953_437_078, "tags": ["a", "b"]]) { chunks.append(Array($0)) }
        #expect(chunks.map { String(decoding: $0, as: UTF8.self) } == [#"{"id":562949953437078,"tags":["a","b"]}"#])
    }

    @Test("a large value is handed over in chunks of at least the chunk size that join to the compact text")
    func manyChunks() throws {
        let projects: [Value] = (0..<600).map { index in
            ["id": .int(Int64(index)), "name": .string("Project \(index)"), "codes": [.int(Int64(index)), "x\n"]]
        }
        let value: Value = ["projects": .array(projects), "total": 600]
        var chunks: [[UInt8]] = []
        JSON.encode(value) { chunks.append(Array($0)) }
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0.count >= JSON.encodingChunkSize })
        #expect(chunks.allSatisfy { !$0.isEmpty })
        #expect(Array(chunks.joined()) == JSON.encodeBytes(value))
        #expect(try JSON.decode(Array(chunks.joined())) == value)
    }
}

import Foundation
import Testing

@testable import FlowXML
import FlowCore

/// Reading from disk, parsing from many tasks at once, and the size of a large application.
@Suite("Files, concurrency and scale")
struct FileAndConcurrencyTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("flowxml-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a file is read and located under its display name")
    func readsFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("main.xml").path
        try Data("<mule>\n  <flow name=\"f\"/>\n</mule>\n".utf8).write(to: URL(fileURLWithPath: path))
        let root = try XMLDocumentParser.parse(contentsOf: path, displayName: "flows/main.xml")
        #expect(root.children.first?.location.description == "flows/main.xml:2:3")
    }

    @Test("a file that cannot be read is an error naming it", arguments: [
        ("missing.xml", "flows/missing.xml:1:1: error: cannot read file: No such file or directory"),
        ("", "flows/missing.xml:1:1: error: cannot read file: Is a directory"),
    ])
    func unreadable(name: String, expected: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = name.isEmpty ? directory.path : directory.appendingPathComponent(name).path
        #expect(throws: XMLParseError.self) { try XMLDocumentParser.parse(contentsOf: path, displayName: "flows/missing.xml") }
        do {
            _ = try XMLDocumentParser.parse(contentsOf: path, displayName: "flows/missing.xml")
        } catch {
            #expect(error.description == expected)
            #expect(error.diagnostic.severity == .error)
            #expect(error.diagnostic.description == expected)
        }
    }

    /// An application file with `flows` flows in Studio's style.
    static func application(flows: Int, file: Int = 0) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mule xmlns="http://www.mulesoft.org/schema/mule/core"
                  xmlns:http="http://www.mulesoft.org/schema/mule/http"
                  xmlns:doc="http://www.mulesoft.org/schema/mule/documentation">

            """
        for index in 0..<flows {
            text += """
                  <flow name="flow-\(file)-\(index)" doc:id="0f8c\(index)-4b1e">
                    <http:listener doc:name="Listener" config-ref="HTTP_Listener_config" path="/api/\(index)"/>
                    <set-variable variableName="id" value="#[attributes.queryParams.id]"/>
                    <logger level="INFO" message="flow \(index) got #[vars.id] ${app.name}"/>
                    <set-payload value='#[output application/json --- { id: vars.id }]'/>
                  </flow>

                """
        }
        return text + "</mule>\n"
    }

    @Test("5,000 flows parse with every element located")
    func largeApplication() throws {
        let text = Self.application(flows: 5_000)
        let root = try parse(text)
        #expect(root.children.count == 5_000)
        #expect(root.allElements.count == 1 + 5_000 * 5)
        let last = try #require(root.children.last)
        // Four header lines, then six lines per flow, indented by two spaces.
        #expect(position(last.location) == "\(5 + 6 * 4_999):3")
        #expect(last.children.first?.attributes.map(\.localName) == ["config-ref", "path"])
        #expect(position(last.children.last?.attribute("value")?.valueLocation) == "\(5 + 6 * 4_999 + 4):25")
    }

    @Test("many tasks parse at once and agree with a sequential parse")
    func concurrentParses() async throws {
        let documents = (0..<8).map { Self.application(flows: 50, file: $0) }
        let sequential = try documents.map { try parse($0) }
        let broken = "<mule>\n  <flow>\n</mule>"
        let concurrent = try await withThrowingTaskGroup(of: (Int, XMLElement, String?).self) { group in
            for round in 0..<16 {
                for (index, document) in documents.enumerated() {
                    group.addTask {
                        (index, try parse(document), round % 4 == 0 ? parseFailure(Array(broken.utf8)) : nil)
                    }
                }
            }
            var results: [(Int, XMLElement, String?)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == 16 * 8)
        for (index, element, failure) in concurrent {
            #expect(element == sequential[index])
            if let failure {
                #expect(failure == "app.xml:3:8: error: Opening and ending tag mismatch: flow line 2 and mule")
            }
        }
    }
}

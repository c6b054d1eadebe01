import FlowCore
import Foundation
import Testing
@testable import FlowProperties

@Suite("Loading configuration properties files")
struct PropertiesFileLoadingTests {
    /// A fresh directory per test, removed afterwards.
    final class TemporaryDirectory {
        let path: String
        init() throws {
            path = NSTemporaryDirectory() + "flow-properties-tests-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ contents: String) throws -> String {
            try write(name, Data(contents.utf8))
        }

        func write(_ name: String, _ data: Data) throws -> String {
            let file = path + "/" + name
            try data.write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    static let attribute = FlowCore.SourceLocation(file: "flows/app.xml", line: 4, column: 31)

    struct SyntaxCase: Sendable, CustomStringConvertible {
        let fileName: String
        let contents: String
        var description: String { fileName }
    }

    @Test("the parser is chosen by extension", arguments: [
        SyntaxCase(fileName: "dev.properties", contents: "http.port=8081\n"),
        SyntaxCase(fileName: "dev.yaml", contents: "http:\n  port: \"8081\"\n"),
        SyntaxCase(fileName: "dev.yml", contents: "http:\n  port: \"8081\"\n"),
    ])
    func parserByExtension(_ testCase: SyntaxCase) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(testCase.fileName, testCase.contents)
        let (file, diagnostics) = PropertiesFile.load(path: path, displayName: "properties/\(testCase.fileName)")
        #expect(diagnostics.isEmpty)
        let loaded = try #require(file)
        #expect(loaded.displayName == "properties/\(testCase.fileName)")
        let entry = try #require(loaded.entry(forKey: "http.port"))
        #expect(entry.value == "8081")
        #expect(entry.location.file == "properties/\(testCase.fileName)")
    }

    @Test("a file with another extension is refused with Mule's message at the referencing attribute")
    func wrongExtension() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("dev.json", "{}")
        let (file, diagnostics) = PropertiesFile.load(path: path, displayName: "dev.json", referencedAt: Self.attribute)
        #expect(file == nil)
        #expect(diagnostics.map(\.description) == [
            "flows/app.xml:4:31: error: Configuration properties file dev.json must end with yaml or properties extension",
        ])
    }

    @Test("a missing file is reported with Mule's message")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let (file, diagnostics) = PropertiesFile.load(path: directory.path + "/prod.yaml", displayName: "prod.yaml", referencedAt: Self.attribute)
        #expect(file == nil)
        #expect(diagnostics.map(\.description) == [
            "flows/app.xml:4:31: error: Couldn't find configuration properties file prod.yaml neither on classpath or in file system",
        ])
    }

    @Test("a directory named like a properties file is an error, not a crash")
    func directoryInsteadOfFile() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/odd.properties", withIntermediateDirectories: false)
        let (file, diagnostics) = PropertiesFile.load(path: directory.path + "/odd.properties", displayName: "odd.properties")
        #expect(file == nil)
        #expect(diagnostics.map(\.description) == ["odd.properties:1:1: error: Couldn't read from file odd.properties: it is a directory"])
    }

    @Test("bytes that are not UTF-8 are an error")
    func notUTF8() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("latin1.properties", Data([0x61, 0x3D, 0xE9, 0x0A]))
        let (file, diagnostics) = PropertiesFile.load(path: path, displayName: "latin1.properties")
        #expect(file == nil)
        #expect(diagnostics.map(\.message) == ["Couldn't read from file latin1.properties: it is not valid UTF-8 text"])
    }

    @Test("syntax problems come back as diagnostics together with the file")
    func syntaxProblemsAreCollected() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("dev.yaml", "a: 1\nb: true\nc: \"ok\"\n")
        let (file, diagnostics) = PropertiesFile.load(path: path, displayName: "dev.yaml")
        #expect(file?.entry(forKey: "c")?.value == "ok")
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["1:4", "2:4"])
    }
}

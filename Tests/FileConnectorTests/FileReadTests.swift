import ConduitTestSupport
import FileConnector
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Testing

/// `file:read` from a `file:config`'s working directory: the bytes as the payload read by their
/// media type, the metadata as attributes, Mule's error types for paths it cannot read.
@Suite struct FileReadTests {
    static func app(_ directory: String, _ flows: String) throws -> Runtime {
        try TestApp.runtime("""
            <file:config xmlns:file="http://www.mulesoft.org/schema/mule/file" name="File_Config">
              <file:connection workingDir="\(directory)"/>
            </file:config>
            \(flows)
            """, connectors: [FileConnector()])
    }

    static func scratch(_ files: [String: String]) throws -> String {
        let directory = TestScratch.path("conduit-file")
        for (name, text) in files {
            let path = directory + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func readsACSVByItsExtensionWithItsAttributes() async throws {
        let directory = try Self.scratch(["erp/jobs.csv": "job_number,name\nJ-1,Alpha\nJ-2,Beta\n"])
        let runtime = try Self.app(directory, """
            <flow name="main">
              <file:read xmlns:file="http://www.mulesoft.org/schema/mule/file" config-ref="File_Config" path="#['erp/' ++ payload]"/>
              <set-variable variableName="names" value="#[payload map $.name]"/>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: "jobs.csv").event)
        #expect(event.vars["names"] == ["Alpha", "Beta"])
        #expect(event.payload.mediaType.essence == "application/csv")
        #expect(event.attributes["fileName"] == "jobs.csv")
        #expect(event.attributes["path"] == .string(directory + "/erp/jobs.csv"))
        #expect(event.attributes["size"] == 35)
        #expect(event.attributes["lastModifiedTime"]?.typeName == "LocalDateTime")
        #expect(event.attributes["regularFile"] == true)
    }

    @Test func outputMimeTypeAndEncodingOverrideTheExtension() async throws {
        let directory = try Self.scratch(["export.txt": "a|b\n1|2\n"])
        let runtime = try Self.app(directory, """
            <flow name="main">
              <file:read xmlns:file="http://www.mulesoft.org/schema/mule/file" config-ref="File_Config" path="export.txt"
                         outputMimeType="application/csv; separator=|" outputEncoding="UTF-8"/>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == [["a": "1", "b": "2"]])
        #expect(event.payload.mediaType.charset == "utf-8")
    }

    @Test(arguments: [
        ("missing.csv", "FILE:ILLEGAL_PATH", "Path '%/missing.csv' doesn't exist"),
        ("sub", "FILE:ILLEGAL_PATH", "Cannot read path '%/sub' since it's a directory"),
        ("../outside/../sub/../missing.csv", "FILE:ILLEGAL_PATH", "Path '%/missing.csv' doesn't exist"),
    ])
    func pathsItCannotReadAreIllegal(path: String, type: String, message: String) async throws {
        let directory = try Self.scratch(["sub/x.txt": "x"])
        let runtime = try Self.app(directory, """
            <flow name="main">
              <file:read xmlns:file="http://www.mulesoft.org/schema/mule/file" config-ref="File_Config" path="#[payload]"/>
            </flow>
            """)
        let failure = try #require(try await runtime.run(flow: "main", payload: .string(path)).failure)
        #expect(failure.error.type.description == type)
        let parent = (directory as NSString).deletingLastPathComponent
        let expected = message.replacingOccurrences(of: "%", with: path.hasPrefix("..") ? parent : directory)
        #expect(failure.error.description == expected)
    }

    @Test func aWorkingDirThatDoesNotExistIsReportedWhereItIsWritten() throws {
        do {
            _ = try Self.app("/nonexistent/conduit-erp", "")
            Issue.record("expected a load failure")
        } catch {
            // The body starts on line 10 of the generated flows/main.xml; workingDir is on its second line.
            #expect("\(error)".hasPrefix("flows/main.xml:11:"))
            #expect("\(error)".hasSuffix(": error: Provided workingDir '/nonexistent/conduit-erp' of <file:config name=\"File_Config\"> does not exist or is not a directory."))
        }
    }

    @Test func theFileConnectorsOtherOperationsAreReportedAsUnsupportedNotUnknown() throws {
        let diagnostics = try TestApp.diagnostics("""
            <flow name="poll" xmlns:file="http://www.mulesoft.org/schema/mule/file">
              <file:listener directory="in"/>
              <file:write path="out.csv"/>
              <file:raed path="x"/>
            </flow>
            """, connectors: [FileConnector()]).map(\.description)
        #expect(diagnostics == [
            "flows/main.xml:11:3: error: Element <file:listener> is not supported: Conduit implements <file:config>, <file:read> of this module.",
            "flows/main.xml:12:3: error: Element <file:write> is not supported: Conduit implements <file:config>, <file:read> of this module.",
            "flows/main.xml:13:3: error: Unknown element <file:raed> in namespace 'http://www.mulesoft.org/schema/mule/file'. Did you mean <file:read>?",
        ])
    }
}

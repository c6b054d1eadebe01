import ConduitTestSupport
import Foundation
import ConnectorSupport
import Testing

/// The default token storage: one 0600 JSON file per config, replaced atomically.
@Suite struct FileTokenStorageTests {
    static func temporaryPath() -> String {
        TestScratch.path("conduit-token-store") + "/nested/tokens.json"
    }

    static func token(_ access: String) -> StoredToken {
        StoredToken(accessToken: access, refreshToken: "refresh-\(access)", expiresAt: Date(timeIntervalSince1970: 1_900_000_000),
                    obtainedAt: Date(timeIntervalSince1970: 1_800_000_000), grantType: "authorization_code")
    }

    @Test func savesWithMode0600AndReadsBack() throws {
        let path = Self.temporaryPath()
        let store = FileTokenStorage(path: path, configName: "Example_Config")
        #expect(try store.load().isEmpty)
        try store.save(["default": Self.token("a"), "alice": Self.token("b")])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let reopened = FileTokenStorage(path: path, configName: "Example_Config")
        #expect(try reopened.load() == ["default": Self.token("a"), "alice": Self.token("b")])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"default-Example_Config\""))
        #expect(text.contains("\"alice-Example_Config\""))
    }

    @Test func replacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let path = Self.temporaryPath()
        let store = FileTokenStorage(path: path, configName: "P")
        for index in 0..<5 { try store.save(["default": Self.token("t\(index)")]) }
        #expect(try store.load() == ["default": Self.token("t4")])
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["tokens.json"])
    }

    @Test func keepsOtherConfigsEntries() throws {
        let path = Self.temporaryPath()
        try FileTokenStorage(path: path, configName: "One").save(["default": Self.token("one")])
        try FileTokenStorage(path: path, configName: "Two").save(["default": Self.token("two")])
        try FileTokenStorage(path: path, configName: "One").save([:])
        #expect(try FileTokenStorage(path: path, configName: "One").load().isEmpty)
        #expect(try FileTokenStorage(path: path, configName: "Two").load() == ["default": Self.token("two")])
    }

    @Test func corruptFileIsReportedWithoutContents() throws {
        let path = Self.temporaryPath()
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try "secret-ish garbage".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TokenStorageError(location: path, reason: "is not a token store file")) {
            try FileTokenStorage(path: path, configName: "P").load()
        }
        #expect("\(TokenStorageError(location: path, reason: "is not a token store file"))" == "Token store '\(path)' is not a token store file")
    }

    @Test func tokenDescriptionsAreMasked() {
        let text = "\(Self.token("very-secret-access"))"
        #expect(!text.contains("very-secret-access"))
        #expect(!text.contains("refresh-very-secret-access"))
    }
}

/// Issue 21 L8: a token file that cannot be used is never written over.
@Suite struct DamagedTokenFileTests {
    @Test("a file that does not parse is moved aside to .corrupt-<time>, then a new one is written")
    func corruptFileKeptAside() throws {
        let path = FileTokenStorageTests.temporaryPath()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let damaged = #"{"version": 1, "entries": {"default-Other_Config": {"accessToken": "other"#
        try damaged.write(toFile: path, atomically: true, encoding: .utf8)
        let store = FileTokenStorage(path: path, configName: "P")
        #expect(throws: TokenStorageError(location: path, reason: "is not a token store file")) { try store.load() }
        try store.save(["default": FileTokenStorageTests.token("new")])
        #expect(try store.load() == ["default": FileTokenStorageTests.token("new")])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names.count == 2)
        #expect(names.first == "tokens.json")
        let aside = try #require(names.last)
        #expect(aside.range(of: #"^tokens\.json\.corrupt-\d{8}T\d{6}Z$"#, options: .regularExpression) != nil)
        #expect(try String(contentsOfFile: directory + "/" + aside, encoding: .utf8) == damaged)
    }

    @Test("a file that cannot be read is not written over")
    func unreadableFileKept() throws {
        let path = FileTokenStorageTests.temporaryPath()
        // A directory where the file should be: reading fails whoever runs the test.
        try FileManager.default.createDirectory(atPath: path + "/kept", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let store = FileTokenStorage(path: path, configName: "P")
        #expect(throws: TokenStorageError(location: path, reason: "cannot be read")) { try store.save(["default": FileTokenStorageTests.token("x")]) }
        #expect(FileManager.default.fileExists(atPath: path + "/kept"))
    }
}

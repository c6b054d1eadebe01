import FlowCore
import FlowModel
import Foundation
import Testing

/// The loaded app knows its directory as an absolute path, and file paths written in its
/// configuration are taken from there rather than from the working directory.
@Suite struct AppDirectoryTests {
    @Test(arguments: [
        ("/var/lib/conduit/tokens.json", "/var/lib/conduit/tokens.json"),
        ("tokens.json", "/srv/app/tokens.json"),
        (".conduit/tokens/procore.json", "/srv/app/.conduit/tokens/procore.json"),
        ("./state/../tokens.json", "/srv/app/tokens.json"),
        ("../shared/tokens.json", "/srv/shared/tokens.json"),
    ])
    func filePathIsTakenFromTheAppDirectory(path: String, expected: String) {
        #expect(AppDefinition.filePath(path, in: "/srv/app") == expected)
        #expect(AppDefinition.filePath(path, in: "/srv/app/") == expected)
    }

    @Test func loadedAppHasAnAbsoluteDirectory() throws {
        let app = try TestApp(["flows/main.xml": TestApp.wrap("<flow name=\"main\"><logger message=\"hi\"/></flow>")])
        defer { try? FileManager.default.removeItem(atPath: app.directory) }
        let loaded = try #require(app.load().app)
        let expected = URL(fileURLWithPath: app.directory).standardizedFileURL.path
        #expect(loaded.directory == expected)
        #expect(loaded.filePath("state/tokens.json") == expected + "/state/tokens.json")

        // A relative --app is made absolute from the working directory once, at load time.
        let parent = URL(fileURLWithPath: app.directory).deletingLastPathComponent().path
        let relative = "./" + URL(fileURLWithPath: app.directory).lastPathComponent
        let fromParent = AppLoader.load(LoadOptions(appDirectory: parent + "/" + relative))
        #expect(fromParent.app?.directory == expected)
    }
}

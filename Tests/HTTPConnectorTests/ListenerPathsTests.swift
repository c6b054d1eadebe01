import HTTPConnector
import Testing

@Suite struct ListenerPathsTests {
    @Test(arguments: [
        ("/a/{id}", ["GET"], "/a/{x}", ["GET"], true),
        ("/a/{id}", ["GET"], "/a/*", ["GET"], true),
        ("/a/b", ["GET"], "/a/{x}", ["GET"], false),
        ("/a/b", ["GET"], "/a/b", ["POST"], false),
        ("/a/b", nil, "/a/b", nil, true),
        ("/a/b", nil, "/a/b", ["GET"], false),
        ("/a/b/c", ["GET"], "/a/b", ["GET"], false),
    ] as [(String, [String]?, String, [String]?, Bool)])
    func collisions(_ a: String, _ am: [String]?, _ b: String, _ bm: [String]?, _ expected: Bool) {
        #expect(ListenerPaths.collide(a, am, b, bm) == expected)
    }

    @Test(arguments: [("projects", "/projects"), ("/projects/", "/projects"), ("", "/"), ("/", "/")])
    func normalisesPaths(_ raw: String, _ expected: String) {
        #expect(ListenerPaths.normalizedPath(raw) == expected)
    }
}

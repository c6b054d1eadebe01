@testable import HTTPConnector
import Testing

@Suite struct RequestTargetTests {
    @Test(arguments: [
        ("/projects", "/projects", "/projects", ["projects"], ""),
        ("/", "/", "/", [], ""),
        ("", "/", "/", [], ""),
        ("?a=1", "/", "/", [], "a=1"),
        ("/api/v1/projects/42?notify=a&notify=b#top", "/api/v1/projects/42", "/api/v1/projects/42", ["api", "v1", "projects", "42"],
         "notify=a&notify=b"),
        ("//double//slashes/", "//double//slashes/", "//double//slashes/", ["double", "slashes"], ""),
        ("/a?b?c#d?e", "/a", "/a", ["a"], "b?c"),
        ("/a#frag?not-a-query", "/a", "/a", ["a"], ""),
        ("/a?", "/a", "/a", ["a"], ""),
        ("/caf%C3%A9/a%2Fb?x=%20", "/caf%C3%A9/a%2Fb", "/café/a/b", ["café", "a/b"], "x=%20"),
        ("/bad%zzescape/x", "/bad%zzescape/x", "/bad%zzescape/x", ["bad%zzescape", "x"], ""),
        ("/café/straße", "/café/straße", "/café/straße", ["café", "straße"], ""),
        // A combining mark after a separator does not hide the separator (Mule splits a Java
        // string on the character '/').
        ("/a/\u{301}b?\u{301}q", "/a/\u{301}b", "/a/\u{301}b", ["a", "\u{301}b"], "\u{301}q"),
    ])
    func partsOfATarget(uri: String, rawPath: String, path: String, segments: [String], query: String) {
        let target = RequestTarget(uri)
        #expect(target.rawPath == rawPath)
        #expect(target.path == path)
        #expect(target.segments == segments)
        #expect(target.queryString == query)
    }

    @Test func requestURIPutsTheQueryBack() {
        #expect(RequestTarget("/projects?page=2#x").requestURI == "/projects?page=2")
        #expect(RequestTarget("/projects#x").requestURI == "/projects")
    }
}

import FlowCore
import Testing

@Suite struct ErrorTypeTests {
    @Test func coreHierarchyMatchesParents() throws {
        let repo = ErrorTypeRepository()
        let retry = try #require(repo.lookup("RETRY_EXHAUSTED"))
        #expect(retry.description == "MULE:RETRY_EXHAUSTED")
        #expect(retry.isA(repo.core("CONNECTIVITY")))
        #expect(retry.isA(repo.core("ANY")))
        #expect(!retry.isA(repo.core("SECURITY")))
        #expect(!repo.core("FATAL").isA(repo.core("ANY")))
    }

    @Test func connectorTypesHangUnderCoreParents() throws {
        var repo = ErrorTypeRepository()
        repo.registerConnector(namespace: "procore", types: [
            ("CONNECTIVITY", "MULE:CONNECTIVITY"), ("BAD_REQUEST", nil), ("UNPROCESSABLE_ENTITY", "BAD_REQUEST"),
        ])
        let unprocessable = try #require(repo.lookup("procore:unprocessable_entity"))
        #expect(unprocessable.isA(try #require(repo.lookup("PROCORE:BAD_REQUEST"))))
        #expect(try #require(repo.lookup("PROCORE:CONNECTIVITY")).isA(repo.core("CONNECTIVITY")))
        #expect(repo.connectorNamespaces.contains("PROCORE"))
    }

    @Test(arguments: ["", ":X", "A:", "A:B:C"])
    func malformedNamesAreRejected(_ text: String) {
        #expect(ErrorTypeName(parsing: text) == nil)
    }
}

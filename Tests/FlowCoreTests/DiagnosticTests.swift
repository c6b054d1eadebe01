import FlowCore
import Testing

@Suite struct DiagnosticTests {
    @Test func printsInCompilerFormat() {
        let d = Diagnostic.error("Element <flow> is missing required parameter 'name'.",
                                 at: SourceLocation(file: "flows/app.xml", line: 12, column: 5))
        #expect(d.description == "flows/app.xml:12:5: error: Element <flow> is missing required parameter 'name'.")
        #expect(Diagnostic.warning("w", at: .init(file: "a", line: 1, column: 2)).description == "a:1:2: warning: w")
    }

    @Test func objectsKeepKeyOrderAndReplaceInPlace() {
        var o = ValueObject([("b", 1), ("a", 2)])
        o["b"] = 3
        o["c"] = 4
        #expect(o.keys == ["b", "a", "c"])
        #expect(o["b"] == 3)
        o["a"] = nil
        #expect(o.keys == ["b", "c"])
    }
}

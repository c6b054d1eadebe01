import ConduitTestSupport
import Testing

/// Core's `<object>` (a Java bean): accepted with a warning, and named when something uses it.
@Suite("object element")
struct ObjectElementTests {
    @Test("a declaration is warned about once, where it is written, with its properties checked")
    func declarationWarns() throws {
        let diagnostics = try ObjectStoreApp.diagnostics("""
            <object name="myTransformer" class="nz.example.MyTransformer">
              <property key="mode" value="strict"/>
            </object>
            <flow name="main"><logger/></flow>
            """)
        #expect(diagnostics == [
            "flows/main.xml:10:1: warning: <object> 'myTransformer' (class nz.example.MyTransformer) is not instantiated: Conduit runs no Java; an element that uses it is reported where it does.",
        ])
        let bad = try ObjectStoreApp.diagnostics(#"<object name="x" class="a.B"><property value="1"/></object>"#)
        #expect(bad.contains { $0.hasSuffix("error: Element <property> is missing required parameter 'key'.") })
    }

    @Test("an element that references an <object> is an error naming it")
    func referenceIsAnError() throws {
        let diagnostics = try ObjectStoreApp.diagnostics("""
            <object name="javaStore" class="com.example.Store"/>
            <flow name="main">
              <idempotent-message-validator objectStore="javaStore"/>
            </flow>
            """)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.last == "flows/main.xml:12:46: error: Referenced component 'javaStore' is the <object> at flows/main.xml:10:1, a Java bean Conduit does not instantiate; use one of stereotypes [OS:OBJECT_STORE].")
    }
}

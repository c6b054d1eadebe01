import FlowEngine
import Testing

/// A runtime that was built and never started (what `conduit validate` and a reload that fails
/// leave behind) is freed with its configurations and sources once nothing uses it: no reference
/// cycle through a listener's routes keeps it alive (LeakSanitizer found one while fuzzing the
/// flow loader).
@Suite("Runtime lifetime")
struct RuntimeLifetimeTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <http:listener-config name="listener">
            <http:listener-connection host="127.0.0.1" port="0"/>
          </http:listener-config>
          <http:request-config name="upstream">
            <http:request-connection host="127.0.0.1" port="9"/>
          </http:request-config>
          <flow name="orders">
            <http:listener config-ref="listener" path="/orders" allowedMethods="POST"/>
            <http:request config-ref="upstream" method="POST" path="/orders"/>
          </flow>
          <flow name="health">
            <http:listener config-ref="listener" path="/health"/>
            <set-payload value="up"/>
          </flow>
        </mule>
        """

    @Test("a runtime built but never started is freed, with its listener configuration and sources")
    func unstartedRuntimeIsFreed() throws {
        weak var runtime: Runtime?
        weak var listener: AnyObject?
        try {
            let prepared = try AppDirectory(["flows/app.xml": Self.app]).prepare()
            let built = try #require(prepared.runtime, "\(prepared.diagnostics)")
            #expect(built.sources.count == 2)
            runtime = built
            listener = built.configuration(named: "listener") as AnyObject?
        }()
        #expect(listener == nil)
        #expect(runtime == nil)
    }
}

import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import ProcoreConnector
import Testing

/// `<procore:custom-field>` children of `create-project` in a flow: merged into `customFields`
/// (with or without the attribute), sent to the sandbox, which answers with the project's
/// custom fields as stored.
@Suite struct CustomFieldChildrenFlowTests {
    static func created(_ sandbox: SandboxHarness, attributes: String) async throws -> Value {
        let logs = ConduitTestSupport.LogCapture()
        let runtime = try ListProjectsFlowTests.app(sandbox, """
            <flow name="create">
              <procore:create-project \(ListProjectsFlowTests.procore) config-ref="Procore_Config"
                  companyId="#[payload.companyId]" name="#[payload.name]" \(attributes)>
                <procore:custom-fields>
                  <procore:custom-field key="562949953600101" value="#[payload.owner]"/>
                  <procore:custom-field key="custom_field_562949953600103" value="#[true]"/>
                </procore:custom-fields>
              </procore:create-project>
            </flow>
            """, logs: logs)
        var payload: Value = .null
        try await RuntimeHarness.serve(runtime) { _ in
            let event = try #require(try await runtime.run(flow: "create", payload: [
                "companyId": "562949953437078", "name": "Children", "owner": "OWN-0042", "percent": "12.5",
            ]).event)
            payload = try event.payload.value
        }
        return payload
    }

    @Test func childrenAloneAreTheCustomFields() async throws {
        try await SandboxHarness.with { sandbox in
            let project = try await Self.created(sandbox, attributes: "")
            #expect(project["name"] == "Children")
            let fields = try #require(project["custom_fields"])
            #expect(fields["custom_field_562949953600101"]?["value"] == "OWN-0042")
            #expect(fields["custom_field_562949953600103"]?["value"] == true)
            #expect(fields["custom_field_562949953600102"] == nil)
        }
    }

    @Test func childrenAreMergedIntoTheAttribute() async throws {
        try await SandboxHarness.with { sandbox in
            let project = try await Self.created(sandbox, attributes: ##"customFields="#[{'562949953600102': payload.percent}]""##)
            let fields = try #require(project["custom_fields"])
            #expect(fields["custom_field_562949953600101"]?["value"] == "OWN-0042")
            #expect(fields["custom_field_562949953600102"]?["value"] == .decimal(Decimal(string: "12.5")!))
            #expect(fields["custom_field_562949953600103"]?["value"] == true)
        }
    }
}

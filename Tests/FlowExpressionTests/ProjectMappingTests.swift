import ConduitTestSupport
import Foundation
import FlowCore
import FlowExpression
import Testing

/// The object a create-project flow builds from the manual's sample request.
@Suite struct ProjectMappingTests {
    /// `{company_id: payload.company_id, project: {name: payload.name, …}}` over every field of the sample.
    static func mappingSource(for sample: Value) -> String {
        let keys = (sample.objectValue?.keys ?? []).filter { $0 != "company_id" }
        let fields = keys.map { "\($0): payload.\($0)" }.joined(separator: ", ")
        return "{company_id: payload.company_id, project: {\(fields)}}"
    }

    @Test func mapsEveryFieldOfTheCreateProjectSample() throws {
        let sample = try JSON.decode(ManualSampleRequests.createProject)
        let expression = try ExpressionCompiler.compile(Self.mappingSource(for: sample), at: Fixtures.location)
        let result = try expression.evaluate(EvaluationContext(payload: sample))
        let project = try #require(result["project"]?.objectValue)
        let original = try #require(sample.objectValue)
        #expect(result["company_id"] == "562949953437078")
        #expect(project.count == 47)
        #expect(project.keys == original.keys.filter { $0 != "company_id" })
        for entry in project.entries {
            #expect(entry.value == original[entry.key], "field \(entry.key)")
        }
        #expect(project["latitude"].flatMap { try? Fixtures.evaluate("payload as Number", in: EvaluationContext(payload: $0)) }
            == .decimal(Decimal(string: "37.7749")!))
    }

    @Test func coercesTheUpdateSampleNumbersExactly() throws {
        let sample = try JSON.decode(ManualSampleRequests.updateProject)
        let context = EvaluationContext(payload: sample)
        #expect(try Fixtures.evaluate("payload.office_id as String", in: context) == "562949953582263")
        #expect(try Fixtures.evaluate("payload.department_ids map ($ as String)", in: context)
            == ["562949953495657", "562949953495655"])
        #expect(try Fixtures.evaluate("payload.project_template_id default 'none'", in: context) == "none")
        #expect(try Fixtures.evaluate("payload.total_value + 1", in: context) == 100_002)
    }
}

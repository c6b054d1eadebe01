import ConduitTestSupport
import FlowCore
import Testing

/// The two "Sample Request" bodies of Procore's MuleSoft connector manual, verbatim, and the
/// way the connector wraps them for Procore: `{"company_id": …, "project": {…}}`.
enum ManualSamples {
    static let createProject = ManualSampleRequests.createProject
    static let updateProject = ManualSampleRequests.updateProject

    /// `{"company_id": <the sample's>, "project": <every other key except project_id>}`, and the
    /// project id for the path.
    static func wrapped(_ sample: String) throws -> (body: String, projectID: String?) {
        let object = try #require(try JSON.decode(sample).objectValue)
        var project = ValueObject()
        for entry in object.entries where entry.key != "company_id" && entry.key != "project_id" {
            project.append(entry.key, entry.value)
        }
        let wrapper = Value.object(ValueObject([("company_id", object["company_id"] ?? .null), ("project", .object(project))]))
        return (JSON.encode(wrapper), object["project_id"]?.stringValue)
    }
}

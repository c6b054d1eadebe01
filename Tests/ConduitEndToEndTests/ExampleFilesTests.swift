import FlowCore
import Testing

/// `examples/` ships the manual's two sample requests, so the README's curl lines can send them.
@Suite(.serialized) struct ExampleFilesTests {
    @Test(arguments: ["create-project", "update-project"])
    func exampleIsTheManualsSampleVerbatim(name: String) throws {
        let sample = name == "create-project" ? ManualSampleRequests.createProject : ManualSampleRequests.updateProject
        let text = try Repository.text("examples/\(name).json")
        #expect(text == sample + "\n")
        #expect(try JSON.decode(text).objectValue?["company_id"] == "562949953437078")
    }
}

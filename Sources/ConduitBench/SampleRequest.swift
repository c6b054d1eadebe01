import Foundation

/// The Create Project "Sample Request" from the Procore connector manual, as shipped in
/// `examples/create-project.json`.
enum SampleRequest {
    static let createProject: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/create-project.json")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("conduit-bench: cannot read \(url.path); run it from a checkout of the repository")
        }
        return text
    }()
}

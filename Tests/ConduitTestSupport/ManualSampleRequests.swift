import Foundation

/// The connector manual's two "Sample Request" bodies, exactly as shipped in `examples/` (the
/// README's curl lines send the same files), for every test target that needs them.
public enum ManualSampleRequests {
    /// `examples/create-project.json`, without its final newline.
    public static let createProject = example("create-project.json")
    /// `examples/update-project.json`, without its final newline.
    public static let updateProject = example("update-project.json")

    /// The repository's root directory.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func example(_ name: String) -> String {
        let url = repositoryRoot.appendingPathComponent("examples").appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("test fixture missing: \(url.path)")
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

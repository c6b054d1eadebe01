import FlowCore
import Foundation

/// Where a script's own modules and resources come from: `import modules::Common` reads the text
/// of `modules/Common.dwl` from the app (the classpath in a Mule project), as the loader finds
/// it, and `readUrl("classpath://…")` a file found the same way.
public struct ScriptModules: Sendable {
    /// The text of a module file and where it starts, or nil when there is none.
    public typealias Source = (text: String, start: SourceLocation)

    let load: @Sendable (String) -> Source?
    /// The bytes of a classpath resource (`readUrl("classpath://data/codes.json", …)`), by its
    /// path; nil when there is no such file.
    let resource: @Sendable (String) -> [UInt8]?

    /// Modules read by `load`, given a module path such as `modules::Common`, and resources
    /// by `resource`, given a path such as `data/codes.json`.
    public init(_ load: @escaping @Sendable (String) -> Source?, resource: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) {
        self.load = load
        self.resource = resource
    }

    /// The file a module path names: `modules::Common` → `modules/Common.dwl`.
    public static func fileName(for path: String) -> String {
        path.replacingOccurrences(of: "::", with: "/") + ".dwl"
    }
}

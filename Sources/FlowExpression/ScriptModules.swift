import FlowCore
import Foundation

/// Where a script's own modules come from: `import modules::Common` reads the text of
/// `modules/Common.dwl` from the app (the classpath in a Mule project), as the loader finds it.
public struct ScriptModules: Sendable {
    /// The text of a module file and where it starts, or nil when there is none.
    public typealias Source = (text: String, start: SourceLocation)

    let load: @Sendable (String) -> Source?

    /// Modules read by `load`, given a module path such as `modules::Common`.
    public init(_ load: @escaping @Sendable (String) -> Source?) {
        self.load = load
    }

    /// The file a module path names: `modules::Common` → `modules/Common.dwl`.
    public static func fileName(for path: String) -> String {
        path.replacingOccurrences(of: "::", with: "/") + ".dwl"
    }
}

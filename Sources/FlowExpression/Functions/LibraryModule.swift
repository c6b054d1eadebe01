/// DataWeave's library modules Conduit has; functions outside `dw::Core` need an `import`.
enum LibraryModule: String, CaseIterable, Sendable {
    case core = "dw::Core"
    case strings = "dw::core::Strings"
    case arrays = "dw::core::Arrays"
    case objects = "dw::core::Objects"
    case binaries = "dw::core::Binaries"
    case dates = "dw::core::Dates"
    case url = "dw::core::URL"
    case crypto = "dw::Crypto"
    case coercions = "dw::util::Coercions"
    case runtime = "dw::Runtime"

    /// The module a script names: its full path (`dw::core::Strings`) or, after
    /// `import dw::core::Strings`, its last part (`Strings::capitalize`).
    static func named(_ path: String) -> LibraryModule? {
        allCases.first { $0.rawValue == path || $0.rawValue.hasSuffix("::" + path) }
    }
}

/// What a script's header imports.
struct Imports {
    /// Modules imported in any form (so `Strings::x` works).
    var modules: Set<LibraryModule> = []
    /// Modules imported with `*`.
    var wildcards: Set<LibraryModule> = []
    /// Functions imported by name.
    var functions: Set<String> = []

    /// Whether `function` may be called without a module prefix.
    func isAvailable(_ function: BuiltinFunction) -> Bool {
        function.modules.contains(.core) || functions.contains(function.name) || function.modules.contains { wildcards.contains($0) }
    }
}

/// DataWeave's library modules Conduit has; functions outside `dw::Core` need an `import`.
enum LibraryModule: String, CaseIterable, Sendable {
    case core = "dw::Core"
    case strings = "dw::core::Strings"
    case arrays = "dw::core::Arrays"
    case objects = "dw::core::Objects"
    case binaries = "dw::core::Binaries"
    case numbers = "dw::core::Numbers"
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
    /// Functions imported by name, with the modules they were imported from.
    var functions: [String: Set<LibraryModule>] = [:]

    /// Whether `function` may be called without a module prefix.
    func isAvailable(_ function: BuiltinFunction) -> Bool {
        function.modules.contains(.core) || function.modules.contains { functions[function.name]?.contains($0) == true || wildcards.contains($0) }
    }
}

/// What a function name written without a module means in a script.
enum FunctionResolution {
    /// The one function of that name the script may call.
    case function(BuiltinFunction)
    /// A library function the script has not imported (the first of that name).
    case notImported(BuiltinFunction)
    /// Functions of that name in several imported modules (`fromHex` of Binaries and Numbers).
    case ambiguous([LibraryModule])
    /// No library function has that name.
    case unknown
}

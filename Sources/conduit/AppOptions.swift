import ArgumentParser

/// The options every command that loads an app shares: where it is and which environment.
struct AppOptions: ParsableArguments {
    @Option(name: .long, help: "The app directory: Conduit's layout (flows/, properties/) or a Mule project root (src/main/mule/, src/main/resources/).")
    var app: String = "."

    @Option(name: .long, help: "The environment: loads properties/<env>.properties (or .yaml) when it exists.")
    var env: String?

    @Option(name: .customShort("D", allowingJoined: true), help: ArgumentHelp("A property that overrides every other source.", valueName: "key=value"))
    var defines: [String] = []

    /// `-D` pairs split at the first `=`.
    func parsedDefines() throws -> [(String, String)] {
        try defines.map { pair in
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("-D expects key=value, got '\(pair)'")
            }
            return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
        }
    }
}

import Foundation

/// `--name value` pairs from the command line, each name at most once; a bad line exits with a
/// message naming the option.
public struct Arguments: Sendable {
    private var values: [String: String] = [:]
    private let known: Set<String>

    /// Reads `CommandLine.arguments`, accepting only the options in `known` (names without `--`).
    public init(known: Set<String>, usage: String) {
        self.known = known
        var rest = CommandLine.arguments.dropFirst()
        while let name = rest.popFirst() {
            guard name.hasPrefix("--"), known.contains(String(name.dropFirst(2))) else {
                Self.fail("unknown option '\(name)'\n\(usage)")
            }
            guard let value = rest.popFirst() else { Self.fail("option '\(name)' needs a value\n\(usage)") }
            values[String(name.dropFirst(2))] = value
        }
    }

    /// The option's text, or `fallback` when it was not given.
    public func string(_ name: String, default fallback: String? = nil) -> String? {
        precondition(known.contains(name), "option \(name) is not declared")
        return values[name] ?? fallback
    }

    /// The option as a positive integer, or `fallback` when it was not given.
    public func int(_ name: String, default fallback: Int) -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), value > 0 else { Self.fail("option '--\(name)' needs a positive integer, got '\(text)'") }
        return value
    }

    /// One of `choices`, or the first of them when the option was not given.
    public func choice(_ name: String, _ choices: [String]) -> String {
        let value = string(name, default: choices[0])!
        guard choices.contains(value) else {
            Self.fail("option '--\(name)' takes one of \(choices.joined(separator: ", ")), got '\(value)'")
        }
        return value
    }

    /// The option, which must be given.
    public func required(_ name: String) -> String {
        guard let value = string(name) else { Self.fail("option '--\(name)' is required") }
        return value
    }

    public static func fail(_ message: String) -> Never {
        FileOutput.standardError("\(message)\n")
        exit(2)
    }
}

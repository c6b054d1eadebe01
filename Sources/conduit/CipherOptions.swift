import ArgumentParser

/// The options `encrypt` and `decrypt` share; they must match the app's
/// `<secure-properties:encrypt>` settings.
struct CipherOptions: ParsableArguments {
    @Option(name: .long, help: "The secure-properties key (16, 24 or 32 characters for AES). Prefer --key-env to keep it out of shell history.")
    var key: String?

    @Option(name: .long, help: "Read the key from this environment variable instead.")
    var keyEnv: String?

    @Option(name: .long, help: "The algorithm (AES).")
    var algorithm: String = "AES"

    @Option(name: .long, help: "The mode: CBC (default) or ECB.")
    var mode: String = "CBC"

    @Flag(name: .long, help: "Use a random IV prepended to the ciphertext (useRandomIVs=\"true\").")
    var useRandomIVs = false

    /// The key from `--key` or `--key-env`.
    func resolvedKey(environment: [String: String]) throws -> String {
        if let key { return key }
        if let keyEnv {
            guard let value = environment[keyEnv] else { throw ValidationError("Environment variable '\(keyEnv)' is not set.") }
            return value
        }
        throw ValidationError("Give the key with --key or --key-env.")
    }
}

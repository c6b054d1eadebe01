/// One fuzz target: a named entry point from raw bytes into one of Conduit's parsers.
///
/// The libFuzzer executable in `Fuzz/` and the corpus replay in the normal test suite call the
/// same ``run(_:)``, so what CI replays is exactly what was fuzzed. An entry point must accept
/// any bytes: a wrong input ends in a diagnostic or a typed error, and only a broken invariant
/// (a round trip that does not hold, a problem without a location) is a ``FuzzFinding``.
/// Crashes, hangs and sanitizer reports are findings by themselves.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// XML flow files, end to end: bytes → `flows/fuzz.xml` → the loader and the build step → diagnostics.
    case flowLoader = "flow-loader"
    /// `.properties` and YAML properties files, then `${…}` expansion of every value.
    case properties
    /// `#[…]` expressions and DataWeave scripts: source text, a NUL byte, then a JSON payload.
    case expression
    /// JSON decode → encode → decode, which must round-trip.
    case json
    /// The form, CSV and XML readers (the first byte picks one) and their writers.
    case formats
    /// Raw HTTP/1.1 request bytes through a running in-process listener.
    case listener
    /// `![…]` secure-property values decrypted with every mode, and encrypt → decrypt round trips.
    case cipher

    /// Feeds `bytes` to the target's parsers.
    ///
    /// - Throws: ``FuzzFinding`` when an invariant does not hold for this input.
    public func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        switch self {
        case .flowLoader: try FlowLoaderFuzzing.run(bytes)
        case .properties: try PropertiesFuzzing.run(bytes)
        case .expression: try ExpressionFuzzing.run(bytes)
        case .json: try JSONFuzzing.run(bytes)
        case .formats: try FormatsFuzzing.run(bytes)
        case .listener: try ListenerFuzzHost.shared.run(bytes)
        case .cipher: try CipherFuzzing.run(bytes)
        }
    }
}

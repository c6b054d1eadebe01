/// An invariant that did not hold for one fuzz input: the fuzzer stops on it like on a crash,
/// and the corpus replay reports it as a failed expectation.
public struct FuzzFinding: Error, Sendable, CustomStringConvertible {
    /// What did not hold, naming the values involved.
    public let description: String

    /// Creates a finding.
    public init(_ description: String) {
        self.description = description
    }
}

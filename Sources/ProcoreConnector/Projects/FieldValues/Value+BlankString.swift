import FlowCore

extension Value {
    /// Whether this is a string that is empty or only whitespace: what ERP exports and CSV files
    /// carry for a missing value, and what Procore (a Rails application) reads as no value for a
    /// field that is not free text.
    var isBlankString: Bool {
        guard case .string(let text) = self else { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}

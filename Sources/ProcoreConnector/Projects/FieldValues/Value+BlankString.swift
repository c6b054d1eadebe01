import FlowCore

extension Value {
    /// Whether this is a string that is empty or only whitespace: what ERP exports and CSV files
    /// carry for a missing value, and what Procore (a Rails application) reads as no value for a
    /// field that is not free text.
    var isBlankString: Bool {
        guard case .string(let text) = self else { return false }
        // Nearly every value starts with a visible ASCII character, which no whitespace
        // character does: decided by the first byte, without making a `Character` (grapheme
        // breaking and a Unicode property lookup, about 550 instructions).
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}

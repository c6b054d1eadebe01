import FlowCore

extension SourceLocation {
    /// Where text starts once `skipped` (text read from this location) has been passed over.
    func skipping(_ skipped: Substring) -> SourceLocation {
        var result = self
        for scalar in skipped.unicodeScalars {
            if scalar == "\n" {
                result.line += 1
                result.column = 1
            } else {
                result.column += 1
            }
        }
        return result
    }
}

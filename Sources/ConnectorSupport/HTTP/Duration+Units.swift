import Foundation

// `package`, not public: the project's connectors share these conversions, but they are no part
// of what a user of the library should see on `Duration`.
extension Duration {
    /// The duration in seconds, fractional.
    package var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// The duration in whole milliseconds, rounded down.
    package var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}

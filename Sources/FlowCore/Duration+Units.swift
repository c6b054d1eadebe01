import Foundation

// `package`, not public: the project's targets share these conversions, but they are no part
// of what a user of the library should see on `Duration`.
extension Duration {
    /// The duration in seconds, fractional.
    package var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// The duration in whole milliseconds, rounded down; saturates at `Int64.min`/`Int64.max`
    /// rather than trapping, since durations can come from configuration or a server.
    package var milliseconds: Int64 { saturatingCount(perSecond: 1000) }

    /// The duration in whole nanoseconds, saturating at `Int64.min`/`Int64.max` (about 292 years)
    /// rather than trapping, for NIO's `TimeAmount`s built from configured timeouts.
    package var saturatingNanoseconds: Int64 { saturatingCount(perSecond: 1_000_000_000) }

    /// Whole units of `1 / perSecond` seconds, rounded toward zero, saturating at the ends of `Int64`.
    private func saturatingCount(perSecond: Int64) -> Int64 {
        let parts = components
        let (whole, overflow) = parts.seconds.multipliedReportingOverflow(by: perSecond)
        if overflow { return parts.seconds < 0 ? .min : .max }
        let (total, sumOverflow) = whole.addingReportingOverflow(parts.attoseconds / (1_000_000_000_000_000_000 / perSecond))
        return sumOverflow ? (whole < 0 ? .min : .max) : total
    }
}

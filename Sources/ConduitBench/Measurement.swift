/// Runs a piece of work repeatedly for a fixed time and reports the rate.
struct Measurement {
    /// How long each case runs.
    static let duration: Duration = .seconds(1)

    /// Calls `body` in batches until `duration` has passed; returns calls per second.
    static func rate(batch: Int = 1_000, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        // Warm up caches and lazy initialisation outside the timed window.
        for _ in 0..<min(batch, 100) { try body() }
        var calls = 0
        let start = clock.now
        var elapsed: Duration = .zero
        repeat {
            for _ in 0..<batch { try body() }
            calls += batch
            elapsed = clock.now - start
        } while elapsed < duration
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(calls) / seconds
    }
}

/// `12,345,678`.
func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return String(result.reversed())
}

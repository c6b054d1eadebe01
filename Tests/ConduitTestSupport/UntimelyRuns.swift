/// Runs a wall-clock scenario until one run kept to the timing it needs, at most `attempts` times.
///
/// Rate-limit windows and similar are wall-clock time. A run in which the loaded machine took
/// longer than a window to send the requests meant for it proves nothing either way (seen in
/// full parallel CI runs), so the scenario says so by returning false and runs again; code that
/// is wrong fails every run. The last run is always judged: `scenario` gets `true` for it and
/// must then check everything.
public func rerunningUntimelyRuns(attempts: Int = 5, _ scenario: (_ lastAttempt: Bool) async throws -> Bool) async throws {
    for attempt in 1...max(attempts, 1) {
        if try await scenario(attempt == max(attempts, 1)) { return }
    }
}

import ConduitTestSupport
import FlowCore
import FlowEngine
import Logging

/// An app with `http:request`s, built and its configurations started (no listener needed): the
/// test runs its flows directly, then the configurations are shut down as the runtime would.
struct RequestApp {
    let runtime: Runtime
    let logs: LogCapture

    /// Runs `test` with the app whose `<mule>` body is `body`.
    static func run(_ body: String, properties: [(String, String)] = [], logLevels: [String: LogThreshold] = [:],
                    _ test: (RequestApp) async throws -> Void) async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime(body, properties: properties, logs: logs, logLevels: logLevels)
        for configuration in runtime.configurations { try await configuration.start() }
        do {
            try await test(RequestApp(runtime: runtime, logs: logs))
        } catch {
            for configuration in runtime.configurations.reversed() { await configuration.shutdown() }
            throw error
        }
        for configuration in runtime.configurations.reversed() { await configuration.shutdown() }
    }

    /// Runs flow `name` and returns its final event; fails the test when the flow fails.
    func event(_ name: String = "main", payload: Value = .null, vars: ValueObject = ValueObject()) async throws -> Event {
        let outcome = try await runtime.run(flow: name, payload: payload, vars: vars)
        guard let event = outcome.event else {
            throw TestApp.LoadFailure(description: "flow \(name) failed: \(outcome.failure.map { "\($0.error.type): \($0.error.description) \($0.error.errorMessage.map { "\($0.payload)" } ?? "")" } ?? "?")")
        }
        return event
    }

    /// Runs flow `name` and returns its error; fails the test when the flow succeeds.
    func error(_ name: String = "main", payload: Value = .null) async throws -> FlowError {
        let outcome = try await runtime.run(flow: name, payload: payload)
        guard let failure = outcome.failure else {
            throw TestApp.LoadFailure(description: "flow \(name) succeeded with payload \(outcome.event.map { "\($0.message.payload)" } ?? "?")")
        }
        return failure.error
    }
}

import ConduitTestSupport

/// A `conduit run` process started on loopback ports and waited for until it prints its `ready`
/// line: the one start-and-retry loop behind ``DevRun`` and ``MuleProjectRun``.
struct ReadyConduit {
    let process: ConduitProcess
    let appPort: Int
    let sandboxPort: Int
    let readyLine: String

    /// Starts `conduit` with the arguments `arguments(appPort, sandboxPort)` from `directory`, on
    /// the ports `ports(attempt)` gives (`[app, sandbox]`), and waits (bounded) for `ready`.
    /// When a port turns out to be taken by the time the process binds it, the start is repeated
    /// with the next attempt's ports, at most three times.
    static func start(from directory: String, ports: (_ attempt: Int) async throws -> [Int],
                      arguments: (_ appPort: Int, _ sandboxPort: Int) -> [String]) async throws -> ReadyConduit {
        for attempt in 1...3 {
            let chosen = try await ports(attempt)
            let process = try ConduitProcess(arguments(chosen[0], chosen[1]), directory: directory)
            do {
                let ready = try await process.line(containing: " ready in ", within: .seconds(60))
                return ReadyConduit(process: process, appPort: chosen[0], sandboxPort: chosen[1], readyLine: ready)
            } catch {
                process.kill()
                let output = process.stderr + process.stdout
                let taken = output.contains("Could not start listener") || output.contains("could not start the bundled Procore sandbox")
                if taken && attempt < 3 { continue }
                throw error
            }
        }
        throw ConduitProcess.Failure(description: "unreachable: the last attempt rethrows")
    }
}

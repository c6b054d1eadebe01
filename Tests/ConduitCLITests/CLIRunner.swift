import ConduitTestSupport
import Foundation

/// Runs the built `conduit` executable (it sits next to the test bundle) to its end and captures
/// its output, without blocking a thread of Swift's cooperative pool while it runs.
struct CLIRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL { ConduitProcess.executable }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs `conduit arguments…` with `environment` (default: this process's, minus variables
    /// that could override an app's properties) and waits at most a minute for it to exit.
    static func run(_ arguments: [String], environment: [String: String]? = nil) async throws -> Output {
        let process = try ConduitProcess(arguments, environment: environment ?? ConduitProcess.isolatedEnvironment)
        defer { process.kill() }
        let status = try await process.exitStatus(within: .seconds(60))
        return Output(status: status, stdout: process.stdout, stderr: process.stderr)
    }
}

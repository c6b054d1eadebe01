import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `conduit` executable running as a child process, its output collected as it arrives.
///
/// Every wait is bounded and fails with the process's output, so a hung or crashed process reads
/// as a clear test failure rather than a stuck `swift test`. Call ``kill()`` in a `defer`.
///
/// Nothing here blocks the caller's thread: output is read on dedicated threads and the waits
/// poll with `Task.sleep`. Swift's cooperative pool has one thread per core (two on CI), so a
/// test that blocked one in `read` or `waitpid` would hold back every other test's task.
public final class ConduitProcess: Sendable {
    private let child: ChildProcess
    private let output = Mutex(CapturedOutput())

    private struct CapturedOutput {
        var stdout = Data()
        var stderr = Data()
        var openStreams = 2
        var stdoutPaused = false
    }

    /// A wait ran out or the process ended too early.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the process's output so far.
        public let description: String

        /// A failure described by `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// `conduit` beside the test bundle, where SwiftPM builds both (the test target depends on it).
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("conduit")
    }

    /// Starts `conduit arguments…` in `directory` (default: the current one) with `environment`.
    ///
    /// The default environment is this process's minus anything that could override the app's
    /// properties (`PROCORE_*`, `HTTP_*`, `CONDUIT_*`), so a developer's shell cannot change what
    /// is tested.
    public init(_ arguments: [String], directory: String = FileManager.default.currentDirectoryPath,
                environment: [String: String] = ConduitProcess.isolatedEnvironment) throws {
        child = try ChildProcess(Self.executable.path, arguments, directory: directory, environment: environment)
        drain(child.stdout, pausable: true) { $0.stdout.append($1) }
        drain(child.stderr, pausable: false) { $0.stderr.append($1) }
    }

    /// This process's environment without the variables that could override an app's properties.
    public static var isolatedEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in
            !["PROCORE_", "HTTP_", "CONDUIT_"].contains { key.uppercased().hasPrefix($0) }
        }
    }

    /// Reads `handle` on its own thread until end of file, so the child never blocks on a full pipe
    /// (unless ``pauseReadingStdout()`` says to stop reading standard output for a while).
    private func drain(_ handle: FileHandle, pausable: Bool, into append: @escaping @Sendable (inout CapturedOutput, Data) -> Void) {
        Thread.detachNewThread { [self] in
            while true {
                while pausable && output.withLock({ $0.stdoutPaused }) { usleep(5_000) }
                let data = handle.availableData
                if data.isEmpty { break }
                output.withLock { append(&$0, data) }
            }
            output.withLock { $0.openStreams -= 1 }
        }
    }

    /// Stops reading the process's standard output once the read under way (if any) returns, so
    /// that the pipe fills and the process's writes to it block, as with a reader that stalls.
    public func pauseReadingStdout() { output.withLock { $0.stdoutPaused = true } }

    /// Reads standard output again after ``pauseReadingStdout()``.
    public func resumeReadingStdout() { output.withLock { $0.stdoutPaused = false } }

    /// Everything the process has written to standard output so far.
    public var stdout: String { String(decoding: output.withLock { $0.stdout }, as: UTF8.self) }
    /// Everything the process has written to standard error so far.
    public var stderr: String { String(decoding: output.withLock { $0.stderr }, as: UTF8.self) }

    private var transcript: String { "\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)" }

    /// The first stdout line containing `text`, waiting at most `timeout` for it.
    public func line(containing text: String, within timeout: Duration) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let line = stdout.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            if let exit = child.exit {
                await waitForStreamsToClose(within: .seconds(2))
                if let line = stdout.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
                throw Failure(description: "conduit ended (\(exit)) before printing '\(text)'\(transcript)")
            }
            if ContinuousClock.now >= deadline {
                throw Failure(description: "conduit did not print '\(text)' within \(timeout)\(transcript)")
            }
            try await Self.pause()
        }
    }

    /// Sends SIGINT (Ctrl-C).
    public func interrupt() { child.send(SIGINT) }

    /// Sends SIGTERM (what a service manager sends to stop it).
    public func terminate() { child.send(SIGTERM) }

    /// Waits at most `timeout` for the process to end; its exit status, or a failure when it was
    /// killed by a signal or is still running.
    public func exitStatus(within timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            switch child.exit {
            case .exited(let status)?:
                await waitForStreamsToClose(within: .seconds(2))
                return status
            case .signalled(let signal)?:
                throw Failure(description: "conduit was killed by signal \(signal)\(transcript)")
            case nil:
                if ContinuousClock.now >= deadline {
                    throw Failure(description: "conduit was still running \(timeout) after it was asked to stop\(transcript)")
                }
                try await Self.pause()
            }
        }
    }

    /// Ends the process at once if it still runs; safe to call any number of times.
    public func kill() { child.killAndReap() }

    /// The polling interval, on the suspending (monotonic) clock: `Task.sleep`'s default
    /// continuous clock is CLOCK_BOOTTIME on Linux, whose libdispatch timer was seen wedged under
    /// the full parallel suite (every continuous sleep in the process stopped waking up).
    private static func pause() async throws {
        try await Task.sleep(for: .milliseconds(25), clock: SuspendingClock())
    }

    private func waitForStreamsToClose(within timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while output.withLock({ $0.openStreams > 0 }) && ContinuousClock.now < deadline {
            try? await Self.pause()
        }
    }
}

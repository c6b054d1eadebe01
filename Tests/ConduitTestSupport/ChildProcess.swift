import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process that inherits nothing from the test process but its three standard streams.
///
/// Foundation's `Process` emulates close-on-exec on Linux by closing every descriptor it saw
/// open while preparing the spawn, so a socket another test opens in the meantime leaks into the
/// child. A long-running `conduit run` holding another test's connection keeps that connection
/// from closing (the peer never sees it end) and its port bound, and the parallel suite stalls.
/// Here the child closes everything above stderr itself, at exec time
/// (`posix_spawn_file_actions_addclosefrom_np`; `POSIX_SPAWN_CLOEXEC_DEFAULT` on Darwin).
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `status` is only touched under `lock`; the rest is immutable.
    /// The child's process id.
    public let pid: pid_t
    /// The read end of the child's stdout.
    public let stdout: FileHandle
    /// The read end of the child's stderr.
    public let stderr: FileHandle
    private let lock = NSLock()
    private var status: Int32?

    /// The child could not be started.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, in words.
        public let description: String
    }

    /// How the child ended.
    public enum Exit: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal with this number ended it.
        case signalled(Int32)
    }

    /// Starts `executable arguments…` in `directory` with exactly `environment`.
    public init(_ executable: String, _ arguments: [String], directory: String, environment: [String: String]) throws {
        let out = try Self.makePipe(), err = try Self.makePipe()
        var actions = Self.makeFileActions()
        var attributes = Self.makeAttributes()
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        try Self.addChdir(&actions, directory)
        try Self.closeEverythingElse(&actions, &attributes)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(out.write)
        close(err.write)
        guard result == 0 else {
            close(out.read)
            close(err.read)
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        stdout = FileHandle(fileDescriptor: out.read, closeOnDealloc: true)
        stderr = FileHandle(fileDescriptor: err.read, closeOnDealloc: true)
    }

    /// The child's end, once it has ended (reaped here, never blocking).
    public var exit: Exit? {
        lock.withLock {
            if status == nil {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
            }
            return status.map(Self.decode)
        }
    }

    /// Sends `signal` unless the child has already been reaped (its pid may be reused).
    public func send(_ signal: Int32) {
        lock.withLock {
            if status == nil { _ = kill(pid, signal) }
        }
    }

    /// SIGKILL and reap; returns at once when the child has already ended.
    public func killAndReap() {
        lock.withLock {
            guard status == nil else { return }
            _ = kill(pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            status = raw
        }
    }

    private static func decode(_ raw: Int32) -> Exit {
        raw & 0x7f == 0 ? .exited((raw >> 8) & 0xff) : .signalled(raw & 0x7f)
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw Failure(description: "could not create a pipe: \(String(cString: strerror(errno)))")
        }
        // The child gets them through dup2 only; nothing else spawned meanwhile should.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    #if canImport(Darwin)
    private static func makeFileActions() -> posix_spawn_file_actions_t? {
        var actions: posix_spawn_file_actions_t?
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private static func makeAttributes() -> posix_spawnattr_t? {
        var attributes: posix_spawnattr_t?
        posix_spawnattr_init(&attributes)
        return attributes
    }

    private static func addChdir(_ actions: inout posix_spawn_file_actions_t?, _ directory: String) throws {
        guard posix_spawn_file_actions_addchdir_np(&actions, directory) == 0 else {
            throw Failure(description: "could not set the child's directory to \(directory)")
        }
    }

    private static func closeEverythingElse(_ actions: inout posix_spawn_file_actions_t?, _ attributes: inout posix_spawnattr_t?) throws {
        guard posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT)) == 0 else {
            throw Failure(description: "could not ask for POSIX_SPAWN_CLOEXEC_DEFAULT")
        }
    }
    #else
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static func makeFileActions() -> posix_spawn_file_actions_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private static func makeAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        return attributes
    }

    /// glibc's GNU extensions (2.29 and 2.34), which Swift's Glibc module does not import.
    private static func gnuExtension<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            throw Failure(description: "this C library lacks \(name) (glibc 2.34 or later is needed)")
        }
        return unsafeBitCast(symbol, to: type)
    }

    private static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ directory: String) throws {
        let addChdir = try gnuExtension("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
        guard addChdir(&actions, directory) == 0 else {
            throw Failure(description: "could not set the child's directory to \(directory)")
        }
    }

    private static func closeEverythingElse(_ actions: inout posix_spawn_file_actions_t, _ attributes: inout posix_spawnattr_t) throws {
        let addCloseFrom = try gnuExtension("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
        guard addCloseFrom(&actions, 3) == 0 else {
            throw Failure(description: "could not ask the child to close inherited descriptors")
        }
    }
    #endif
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL server of a test's own: `initdb` in a scratch directory, the server on a free
/// loopback port (its socket in a short directory of its own under /tmp), one database,
/// removed at the end.
///
/// Use it through ``with(_:)``, which stops the server and deletes its files however the body
/// ends. ``stop()`` and ``start()`` stop and restart the same data directory on the same port
/// (an outage the nodes must survive). The binaries are found on `PATH` or under
/// `/usr/lib/postgresql/*/bin` (Debian's layout); tests that need them use
/// ``isAvailable`` / ``unavailableReason`` to skip when PostgreSQL is not installed.
///
/// `initdb` refuses to run as root, so as root (CI) the server's programs run as the `postgres`
/// user (Debian's package creates it; `nobody` otherwise) through `runuser`, and the scratch
/// directory is handed to that user. Host connections use SCRAM with a generated password;
/// the socket trusts its local users.
public final class ThrowawayPostgres: Sendable {
    /// The role tests connect as.
    public static let user = "conduit"
    /// The database created for the test.
    public static let database = "conduit_test"

    /// The server's loopback port.
    public let port: Int
    /// The role's password.
    public let password: String
    /// The scratch directory holding the data directory, the socket and the server's log.
    public let directory: String
    private let tools: Tools

    /// `postgres://conduit:<password>@127.0.0.1:<port>/conduit_test`.
    public var url: String { "postgres://\(Self.user):\(password)@127.0.0.1:\(port)/\(Self.database)" }

    private var dataDirectory: String { directory + "/data" }
    /// Outside the scratch directory: a Unix socket's path may not exceed 107 bytes.
    private let socketDirectory: String
    private var serverLog: String { directory + "/server.log" }

    /// Whether PostgreSQL's server programs are installed here.
    public static var isAvailable: Bool { (try? Tools.find()) != nil }

    /// Why PostgreSQL tests are skipped, for `.enabled(if:)`'s comment.
    public static let unavailableReason = "PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin); .ci/run installs Debian's postgresql"

    /// Runs `body` with a new server and database, then stops the server and removes its files.
    public static func with<Result: Sendable>(_ body: (ThrowawayPostgres) async throws -> Result) async throws -> Result {
        let server = try await create()
        do {
            let result = try await body(server)
            await server.remove()
            return result
        } catch {
            await server.remove()
            throw error
        }
    }

    private init(port: Int, password: String, directory: String, socketDirectory: String, tools: Tools) {
        self.port = port
        self.socketDirectory = socketDirectory
        self.password = password
        self.directory = directory
        self.tools = tools
    }

    private static func create() async throws -> ThrowawayPostgres {
        let tools = try Tools.find()
        let directory = TestScratch.path("postgres")
        let password = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let socketDirectory = "/tmp/conduit-pg-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/password"))
        if let owner = tools.runAs {
            // The server's user must be able to pass through the scratch root to its own directory.
            _ = chmod(TestScratch.root, 0o711)
            for path in [directory, socketDirectory, directory + "/password"] {
                guard chown(path, owner.uid, owner.gid) == 0 else {
                    throw Failure("could not hand \(path) to user \(owner.name): \(String(cString: strerror(errno)))")
                }
            }
        }
        let server = ThrowawayPostgres(port: 0, password: password, directory: directory, socketDirectory: socketDirectory, tools: tools)
        try await server.run("initdb", ["-D", server.dataDirectory, "-U", user, "--pwfile=\(directory)/password", "--auth-local=trust",
                                        "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync"])
        // A port that was free a moment ago may be taken by the time the server binds it.
        var lastError: (any Error)?
        for _ in 0..<5 {
            let candidate = ThrowawayPostgres(port: try freeLoopbackPort(), password: password, directory: directory,
                                              socketDirectory: socketDirectory, tools: tools)
            do {
                try await candidate.start()
                try await candidate.run("createdb", ["-h", candidate.socketDirectory, "-p", "\(candidate.port)", "-U", user, database])
                return candidate
            } catch {
                lastError = error
                await candidate.stopQuietly()
            }
        }
        await server.remove()
        throw lastError ?? Failure("could not start PostgreSQL")
    }

    /// Starts (or restarts) the server on the same data directory and port, waiting until it
    /// accepts connections.
    public func start() async throws {
        let options = "-p \(port) -k \(socketDirectory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200"
        try await run("pg_ctl", ["-D", dataDirectory, "-l", serverLog, "-w", "-t", "60", "-o", options, "start"])
    }

    /// The environment of a `conduit run` node clustered on this database: nothing of the
    /// developer's shell, the store's URL and a store key (random unless given).
    public func nodeEnvironment(storeKey: String = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()) -> [String: String] {
        ConduitProcess.isolatedEnvironment.merging(["CONDUIT_CLUSTER_STORE": url, "CONDUIT_STORE_KEY": storeKey]) { _, new in new }
    }

    /// Stops the server (fast shutdown: open connections are cut, as in a crash of the host).
    public func stop() async throws {
        try await run("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"])
    }

    /// Runs `sql` with psql as the test role in the test database; what it printed.
    @discardableResult
    public func psql(_ sql: String) async throws -> String {
        try await run("psql", ["-h", socketDirectory, "-p", "\(port)", "-U", Self.user, "-d", Self.database,
                               "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", sql])
    }

    private func stopQuietly() async {
        _ = try? await run("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"])
    }

    private func remove() async {
        await stopQuietly()
        try? FileManager.default.removeItem(atPath: directory)
        try? FileManager.default.removeItem(atPath: socketDirectory)
    }

    /// Runs one of PostgreSQL's programs to its end (as the server's user when root), its output
    /// going to a file rather than a pipe nobody reads; that output, or a failure naming it.
    @discardableResult
    private func run(_ program: String, _ arguments: [String]) async throws -> String {
        let output = TestScratch.path("pg-output")
        let command = [tools.path(program)] + arguments
        let (executable, argv) = tools.runAs.map { owner in (tools.runuser, ["-u", owner.name, "--"] + command) } ?? (command[0], Array(command.dropFirst()))
        let child = try ChildProcess("/bin/sh", ["-c", "exec \"$0\" \"$@\" >\"\(output)\" 2>&1", executable] + argv, directory: "/",
                                     environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL": "C"])
        let deadline = ContinuousClock.now + .seconds(120)
        while child.exit == nil {
            guard ContinuousClock.now < deadline else {
                child.killAndReap()
                throw Failure("\(program) did not finish within 120 s")
            }
            try await Task.sleep(for: .milliseconds(20), clock: SuspendingClock())
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: output)
        guard child.exit == .exited(0) else {
            let log = (try? String(contentsOfFile: serverLog, encoding: .utf8)).map { "\n--- server log ---\n\($0)" } ?? ""
            throw Failure("\(program) \(arguments.joined(separator: " ")) failed (\(child.exit.map { "\($0)" } ?? "?")):\n\(text)\(log)")
        }
        return text
    }

    /// A free TCP port on 127.0.0.1 (bound and released; the server binds it next).
    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("could not open a socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure("could not find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The fixture could not do its work; says what and shows the program's output.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Where PostgreSQL's programs are, and whom to run them as.
    private struct Tools: Sendable {
        struct Owner: Sendable {
            var name: String
            var uid: uid_t
            var gid: gid_t
        }

        /// The directory holding initdb, pg_ctl, postgres, createdb and psql.
        var binDirectory: String
        /// `runuser`, when running as root.
        var runuser: String
        /// The user the server runs as, when this process is root (initdb refuses root).
        var runAs: Owner?

        func path(_ program: String) -> String { binDirectory + "/" + program }

        static func find() throws -> Tools {
            let fileManager = FileManager.default
            let pathDirectories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            let versioned = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
                .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
            // The real directory, not a symlink's: pg_ctl finds `postgres` beside itself.
            let candidates = (pathDirectories + versioned).compactMap { directory -> String? in
                let initdb = directory + "/initdb"
                guard fileManager.isExecutableFile(atPath: initdb) else { return nil }
                return URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path
            }
            guard let bin = candidates.first(where: { directory in
                ["pg_ctl", "postgres", "createdb", "psql"].allSatisfy { fileManager.isExecutableFile(atPath: directory + "/" + $0) }
            }) else {
                throw Failure(ThrowawayPostgres.unavailableReason)
            }
            let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { fileManager.isExecutableFile(atPath: $0) } ?? "runuser"
            var owner: Owner?
            if geteuid() == 0 {
                guard let entry = getpwnam("postgres") ?? getpwnam("nobody") else {
                    throw Failure("running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as")
                }
                owner = Owner(name: String(cString: entry.pointee.pw_name), uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
            }
            return Tools(binDirectory: bin, runuser: runuser, runAs: owner)
        }
    }
}

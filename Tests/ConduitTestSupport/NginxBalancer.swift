import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// nginx in front of several loopback servers, round-robin, started from a generated
/// configuration in a scratch directory (its own pid file, logs and temporary paths; nothing of
/// the system's nginx is read or written) and stopped by ``stop()``.
///
/// A request whose connection to one server fails (a node that stopped listening), or that a
/// node answers 503 (its flows stopped while it drains, or not started yet: nginx OSS has no
/// active health checks to see `/readyz`), is passed to the next, POST and PATCH included.
public final class NginxBalancer: Sendable {
    /// The port nginx listens on (127.0.0.1).
    public let port: Int
    private let directory: String
    private let process: ChildProcess

    /// Whether nginx is installed here.
    public static var isAvailable: Bool { executable != nil }

    /// Why tests needing nginx are skipped.
    public static let unavailableReason = "nginx is not installed (not on PATH or at /usr/sbin/nginx); .ci/run installs Debian's nginx"

    private static var executable: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin"]
        return directories.map { $0 + "/nginx" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The balancer's base URL, `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts nginx on `port` (127.0.0.1) in front of `upstreams` (loopback ports), waiting
    /// until it accepts connections.
    public init(port: Int, upstreams: [Int]) async throws {
        guard let executable = Self.executable else { throw ThrowawayPostgres.Failure(Self.unavailableReason) }
        let directory = TestScratch.path("nginx")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let servers = upstreams.map { "        server 127.0.0.1:\($0) max_fails=1 fail_timeout=1s;" }.joined(separator: "\n")
        let configuration = """
            worker_processes 1;
            daemon off;
            master_process off;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path \(directory)/body;
                proxy_temp_path \(directory)/proxy;
                fastcgi_temp_path \(directory)/fastcgi;
                uwsgi_temp_path \(directory)/uwsgi;
                scgi_temp_path \(directory)/scgi;
                upstream nodes {
            \(servers)
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:\(port);
                    location / {
                        proxy_pass http://nodes;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_next_upstream error timeout http_503 non_idempotent;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 60s;
                    }
                }
            }
            """
        try configuration.write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
        self.port = port
        self.directory = directory
        process = try ChildProcess("/bin/sh", ["-c", "exec \"$0\" -p \"$1\" -c \"$1/nginx.conf\" >\"$1/stdout.log\" 2>&1", executable, directory],
                                   directory: directory, environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin"])
        let deadline = ContinuousClock.now + .seconds(20)
        while !Self.accepts(port: port) {
            if process.exit != nil || ContinuousClock.now >= deadline {
                let log = ((try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? "")
                    + ((try? String(contentsOfFile: directory + "/stdout.log", encoding: .utf8)) ?? "")
                process.killAndReap()
                throw ThrowawayPostgres.Failure("nginx did not start on port \(port):\n\(log)")
            }
            try await Task.sleep(for: .milliseconds(20), clock: SuspendingClock())
        }
    }

    /// Stops nginx and removes its directory.
    public func stop() {
        process.killAndReap()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

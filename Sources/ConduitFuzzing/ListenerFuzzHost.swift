import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running in-process app (``ListenerFuzzApp``) on a loopback port, and a raw-socket client for
/// it: each input is written as it is on a new connection, the client's side is shut for
/// writing, and the answer is read until the listener closes the connection.
///
/// Every answer must be HTTP/1.1, and the listener must close the connection once the client
/// has nothing more to send.
public final class ListenerFuzzHost: Sendable {
    /// The host the libFuzzer executable uses, started on first use. Only for callers outside
    /// Swift concurrency (it blocks the calling thread until the app is up).
    public static let shared: ListenerFuzzHost = {
        let started = Started()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            do { started.set(.success(try await ListenerFuzzHost.start())) } catch { started.set(.failure(error)) }
            semaphore.signal()
        }
        semaphore.wait()
        switch started.result! {
        case .success(let host): return host
        case .failure(let error): fatalError("the listener fuzz app did not start: \(error)")
        }
    }()

    /// How long one exchange may take before the listener counts as hanging.
    static let exchangeTimeoutSeconds = 3
    /// The most of an answer that is read.
    static let maximumAnswerBytes = 4 << 20

    /// The port the app's listener is bound to on 127.0.0.1.
    public let port: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, running: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.running = running
    }

    /// Loads, builds and starts the app; returns once its listener is bound.
    public static func start() async throws -> ListenerFuzzHost {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conduit-fuzz-listener-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("flows"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try ListenerFuzzApp.flows.write(to: directory.appendingPathComponent("flows/app.xml"), atomically: true, encoding: .utf8)
        let connectors = HTTPFlowConnector.all
        let loaded = AppLoader.load(LoadOptions(appDirectory: directory.path, connectors: connectors.map(\.declaration)))
        let prepared = Runtime.prepare(loaded, connectors: connectors,
                                       options: RuntimeOptions(logHandlerFactory: { _ in SwiftLogNoOpLogHandler() }))
        guard let runtime = prepared.runtime else {
            throw FuzzFinding("the listener fuzz app does not load: \(prepared.diagnostics.map(\.description).joined(separator: "; "))")
        }
        let (ready, signal) = AsyncStream<Int?>.makeStream()
        let service = RuntimeService(runtime: runtime) { runtime in
            signal.yield(runtime.configurations.compactMap { ($0 as? HTTPListenerConfiguration)?.boundListener?.port }.first)
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [service], logger: Logger(label: "conduit.fuzz", factory: { _ in SwiftLogNoOpLogHandler() })))
        let running = Task {
            defer { signal.finish() }
            try await group.run()
        }
        var iterator = ready.makeAsyncIterator()
        guard let bound = await iterator.next(), let port = bound else {
            running.cancel()
            _ = try await running.value
            throw FuzzFinding("the listener fuzz app stopped before its listener was bound")
        }
        return ListenerFuzzHost(port: port, group: group, running: running)
    }

    /// Stops the app gracefully.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// Sends one input and checks the answer (blocking: not for a Swift concurrency thread).
    public func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        try Self.check(try exchange(bytes), for: bytes)
    }

    /// Sends one input from a thread of its own and checks the answer.
    public func replay(_ bytes: [UInt8]) async throws(FuzzFinding) {
        let outcome: Result<[UInt8], FuzzFinding> = await withCheckedContinuation { continuation in
            Thread {
                do throws(FuzzFinding) {
                    continuation.resume(returning: .success(try self.exchange(bytes)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }.start()
        }
        try Self.check(try outcome.get(), for: bytes)
    }

    /// An answer starts with an HTTP/1.1 status line (or is empty: the listener may close a
    /// connection whose request it cannot read without answering).
    static func check(_ answer: [UInt8], for request: [UInt8]) throws(FuzzFinding) {
        guard answer.isEmpty || answer.starts(with: Array("HTTP/1.1 ".utf8)) else {
            throw FuzzFinding("the listener answered something that is not HTTP/1.1: \(String(decoding: answer.prefix(200), as: UTF8.self))")
        }
    }

    /// Writes `bytes` on a new connection, shuts the writing side, and reads until the listener
    /// closes the connection.
    func exchange(_ bytes: [UInt8]) throws(FuzzFinding) -> [UInt8] {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw FuzzFinding("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: Self.exchangeTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        func connectOnce() -> Int32 {
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        // libFuzzer's timers interrupt system calls (EINTR). An interrupted connect goes on in the
        // background: calling it again says EALREADY until it is done, then EISCONN.
        var connected = connectOnce()
        var attempts = 0
        while connected != 0, errno == EINTR || errno == EALREADY || errno == EINPROGRESS, attempts < 1000 {
            attempts += 1
            usleep(1000)
            connected = connectOnce()
            if connected != 0, errno == EISCONN { connected = 0 }
        }
        guard connected == 0 else { throw FuzzFinding("connecting to the listener failed: errno \(errno)") }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            // The listener may close early (a malformed head): the rest of the input is not needed.
            guard count > 0 else { break }
            sent += count
        }
        shutdown(descriptor, Int32(SHUT_WR))
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while answer.count < Self.maximumAnswerBytes {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                answer += buffer[..<count]
            } else if count == 0 || errno == ECONNRESET {
                return answer
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                throw FuzzFinding("the listener neither answered nor closed the connection within \(Self.exchangeTimeoutSeconds) s")
            } else if errno != EINTR {
                throw FuzzFinding("reading the answer failed: errno \(errno)")
            }
        }
        throw FuzzFinding("the listener's answer was longer than \(Self.maximumAnswerBytes) bytes")
    }
}

/// The outcome of the shared host's start, handed from the starting task to the waiting thread.
private final class Started: @unchecked Sendable {
    // @unchecked: written once by the starting task before the semaphore is signalled, read after the wait.
    private(set) var result: Result<ListenerFuzzHost, any Error>?

    func set(_ result: Result<ListenerFuzzHost, any Error>) {
        self.result = result
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole lines to a file descriptor from a thread of its own, so that a thread that logs
/// only copies its line into a buffer (as Mule's default Log4j2 setup does with its asynchronous
/// loggers).
///
/// Why: writing each line where it is made puts `write(2)` on the request path, and an output
/// that stalls (a full pipe nobody reads, a terminal scrolled back, a log collector that pauses)
/// then stalls every task that logs, and with them every request. Here a stall is absorbed by
/// the buffer, up to `capacity` bytes; past that a line waits for room, so nothing is dropped
/// while the output still takes bytes. Lines that arrive together are written together: after
/// waking, the writer waits `gathering` before it takes what has come, so a busy server makes
/// one `write(2)` for many lines.
///
/// Lines keep the order in which ``append(_:)`` was called. ``flush(within:)`` waits until what
/// was appended before it has been written (at exit, so that the last lines are not lost).
final class BackgroundWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let capacity: Int
    private let gathering: UInt32
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var appended: UInt64 = 0
    private var written: UInt64 = 0
    private var writerIdle = false
    private var waiters = 0
    /// What the writer thread is writing: only that thread touches it once started. Swapped with
    /// `pending`, so both keep the capacity reserved here and neither grows in the common case.
    private var batch: [UInt8] = []

    /// A writer to `descriptor` buffering at most `capacity` bytes beside the batch it is writing
    /// (more only for a single line longer than that), gathering lines for `gatheringMicroseconds`
    /// after each wake-up.
    init(descriptor: Int32, capacity: Int = 256 << 10, gatheringMicroseconds: UInt32 = 5_000) {
        self.descriptor = descriptor
        self.capacity = capacity
        self.gathering = gatheringMicroseconds
        pending.reserveCapacity(capacity)
        batch.reserveCapacity(capacity)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let writer = Unmanaged<BackgroundWriter>.fromOpaque(BackgroundWriter.pointer(context)).takeRetainedValue()
            writer.run()
        }, Unmanaged.passRetained(self).toOpaque())
        precondition(started == 0, "could not start the output thread (error \(started))")
        pthread_detach(thread)
    }

    /// The context pointer `pthread_create` hands its function, whose optionality differs by platform.
    private static func pointer(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer { context! }

    /// Queues `bytes` (one or more whole lines) to be written; waits only while the buffer is full.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        condition.lock()
        while !pending.isEmpty && pending.count + bytes.count > capacity {
            waiters += 1
            condition.wait()
            waiters -= 1
        }
        pending.append(contentsOf: bytes)
        appended += UInt64(bytes.count)
        if writerIdle { condition.broadcast() }
        condition.unlock()
    }

    /// Waits until everything appended before this call has been written (or could not be:
    /// output to a closed pipe is dropped), at most `timeout` seconds; whether it was.
    @discardableResult
    func flush(within timeout: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        let target = appended
        while written < target {
            waiters += 1
            let signalled = condition.wait(until: deadline)
            waiters -= 1
            if !signalled && written < target { return false }
        }
        return true
    }

    private func run() -> Never {
        condition.lock()
        while true {
            while pending.isEmpty {
                writerIdle = true
                condition.wait()
                writerIdle = false
            }
            if gathering > 0 && pending.count < capacity / 2 {
                condition.unlock()
                usleep(gathering)
                condition.lock()
            }
            swap(&batch, &pending)
            // The buffer has room again: a logger waiting for it need not wait for this write.
            if waiters > 0 { condition.broadcast() }
            condition.unlock()
            batch.withUnsafeBufferPointer { Self.writeAll($0, to: descriptor) }
            let count = UInt64(batch.count)
            // A line longer than the buffer grew it; that storage is not kept.
            if batch.capacity > 2 * capacity {
                batch = []
                batch.reserveCapacity(capacity)
            } else {
                batch.removeAll(keepingCapacity: true)
            }
            condition.lock()
            written += count
            if waiters > 0 { condition.broadcast() }
        }
    }

    /// One `write(2)` in the common case; a short write is continued and an interrupted one
    /// retried. Output that cannot be written (a closed pipe) is dropped rather than stopping
    /// the server.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let result = systemWrite(descriptor, base + offset, bytes.count - offset)
            if result > 0 {
                offset += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// `write(2)` from whichever C library the platform has.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output shared by log records and the command's own lines, one whole line at a time.
///
/// Standard output is written by a ``BackgroundWriter``, so that logging never waits on the
/// output itself; what is still buffered is written before the process exits. Standard error
/// (a failure that ends the command) is written at once, after what standard output had.
enum ConsoleOutput {
    private static let standardOutput: BackgroundWriter = {
        let writer = BackgroundWriter(descriptor: STDOUT_FILENO)
        atexit { ConsoleOutput.flush() }
        return writer
    }()
    private static let errorLock = NSLock()

    /// Queues `text` (which should end with a newline) for standard output.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { standardOutput.append($0) }
    }

    /// Writes `text` to standard error once standard output's earlier lines are out.
    static func writeError(_ text: String) {
        flush()
        var text = text
        errorLock.lock()
        defer { errorLock.unlock() }
        text.withUTF8 { BackgroundWriter.writeAll($0, to: STDERR_FILENO) }
    }

    /// Queues the UTF-8 `bytes` of a line (which should end with a newline) for standard output.
    static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { standardOutput.append($0) }
    }

    /// Waits (at most five seconds: an output nobody reads must not keep the process from
    /// ending) until the lines queued so far are written.
    static func flush() {
        standardOutput.flush(within: 5)
    }

    /// Now, as `2025-06-01T10:00:00.123Z` (UTC, milliseconds truncated).
    ///
    /// Written by hand from `clock_gettime` and `gmtime_r`: every log record needs one, and
    /// `ISO8601DateFormatter` (behind a lock, as it is not thread-safe) cost more than the rest of
    /// the record under load.
    static func timestamp() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendTimestamp(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `seconds` since 1970 plus `milliseconds`, as `2025-06-01T10:00:00.123Z`.
    static func timestamp(seconds: Int, milliseconds: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendTimestamp(seconds: seconds, milliseconds: milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``timestamp()``'s text to `bytes`.
    static func appendTimestamp(to bytes: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        appendTimestamp(seconds: now.tv_sec, milliseconds: Int(now.tv_nsec / 1_000_000), to: &bytes)
    }

    private static func appendTimestamp(seconds: Int, milliseconds: Int, to bytes: inout [UInt8]) {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func digits(_ value: Int32, _ width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(0x30 + (rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(parts.tm_year + 1900, 4); bytes.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2); bytes.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2); bytes.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2); bytes.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2); bytes.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2); bytes.append(UInt8(ascii: "."))
        digits(Int32(milliseconds), 3); bytes.append(UInt8(ascii: "Z"))
    }
}

import CSystemRandom
import Synchronization

/// Random bytes for identifiers that must not repeat but are not secrets (trace and span ids,
/// idempotency tokens).
///
/// The standard library's generator makes one `getrandom` system call per 8 bytes: six a
/// request on the main job, 0.4 µs each here. These come from a pool the kernel fills 4 KiB at
/// a time instead. Secrets (OAuth state, keys) do not come from here.
public enum RandomBytes {
    private static let pool = Mutex(Pool())

    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        pool.withLock { $0.take(into: buffer) }
    }

    /// `count` random bytes as `2 × count` lower-case hexadecimal digits, never all zero (an
    /// all-zero trace or span id is invalid).
    public static func hex(bytes count: Int) -> String {
        withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { bytes in
            repeat { fill(bytes) } while !bytes.contains { $0 != 0 }
            return HexText.string(UnsafeRawBufferPointer(bytes))
        }
    }

    /// Random bytes handed out in order, refilled whole once used up.
    private struct Pool {
        static let size = 4096
        var bytes = [UInt8](repeating: 0, count: Pool.size)
        /// Where the unused bytes start; at `size` before the first fill.
        var next = Pool.size

        mutating func take(into buffer: UnsafeMutableRawBufferPointer) {
            var filled = 0
            while filled < buffer.count {
                if next == Self.size { refill() }
                let count = min(buffer.count - filled, Self.size - next)
                bytes.withUnsafeBytes { source in
                    (buffer.baseAddress! + filled).copyMemory(from: source.baseAddress! + next, byteCount: count)
                }
                next += count
                filled += count
            }
        }

        private mutating func refill() {
            bytes.withUnsafeMutableBytes { target in
                var filled = 0
                while filled < target.count {
                    let read = conduit_getrandom(target.baseAddress! + filled, target.count - filled)
                    guard read > 0 else { break }
                    filled += read
                }
                // Without getrandom (or should it fail), the standard library's generator.
                if filled < target.count {
                    var generator = SystemRandomNumberGenerator()
                    for index in filled..<target.count { target[index] = generator.next() }
                }
            }
            next = 0
        }
    }
}

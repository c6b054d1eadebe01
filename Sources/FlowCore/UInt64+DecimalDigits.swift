extension UInt64 {
    /// Calls `body` with this number's decimal digits as ASCII bytes (`0` for zero), made in a
    /// buffer on the stack: what the JSON writer and decimal printing append without a `String`.
    @inline(__always)
    func withDecimalDigits<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // 20 digits hold any UInt64; filled from the right.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return try withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            var magnitude = self
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            return try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + position,
                                                count: buffer.count - position))
        }
    }
}

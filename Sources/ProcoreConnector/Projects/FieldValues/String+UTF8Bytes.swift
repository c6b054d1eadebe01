extension String {
    /// Runs `body` on the text's UTF-8 bytes in place: the field checks read every value of every
    /// request byte by byte, which through `String.UTF8View`'s indices costs several times as much.
    /// Only a string bridged from elsewhere (never one read from JSON or XML here) is copied first.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The whole number these bytes spell as ASCII digits alone (no sign, no spaces), or nil when
    /// they are empty, hold anything else or exceed `Int64.max`.
    var asciiDigitsValue: Int64? {
        guard !isEmpty else { return nil }
        var value: Int64 = 0
        for byte in self {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = times10.addingReportingOverflow(Int64(digit))
            guard !overflowed, !overflowedAgain else { return nil }
            value = sum
        }
        return value
    }
}

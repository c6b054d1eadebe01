/// Bytes a ``TypedValue`` keeps as they were received or written: `[UInt8]`, or the buffer a
/// network library read them into (the HTTP components conform NIO's `ByteBuffer`), so that a
/// body is neither copied to be kept nor re-encoded to be sent on.
public protocol ContentBytes: Sendable {
    /// How many bytes there are.
    var count: Int { get }

    /// Calls `body` with the bytes, contiguous.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Array: ContentBytes where Element == UInt8 {}

extension ContentBytes {
    /// The bytes as an array (a copy unless they are one already).
    public var byteArray: [UInt8] {
        if let array = self as? [UInt8] { return array }
        return withUnsafeBytes { Array($0) }
    }
}

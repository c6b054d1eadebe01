import FlowFormats
import NIOCore

/// A body keeps the buffer NIO read it into: a received payload is neither copied to be kept
/// nor, when a flow sends it on unchanged, copied again to be written.
extension ByteBuffer: ContentBytes {
    public var count: Int { readableBytes }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeReadableBytes(body)
    }
}

extension ContentBytes {
    /// The bytes as a `ByteBuffer`: the buffer itself when they are one, else a copy.
    public var byteBuffer: ByteBuffer {
        if let buffer = self as? ByteBuffer { return buffer }
        return withUnsafeBytes { ByteBuffer(bytes: $0) }
    }
}

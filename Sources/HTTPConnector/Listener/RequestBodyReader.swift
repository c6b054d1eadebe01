import HTTPTypes
import Hummingbird
import NIOCore

/// Reads a request body up to a size limit. A slow or stalled body is cut off by
/// ``RequestDeadlineHandler`` once the listener's `readTimeout` has passed, which closes the
/// connection and ends this read with an error.
enum RequestBodyReader {
    enum Outcome {
        /// The whole body; a body that arrived in one piece is NIO's own buffer, not a copy.
        case body(ByteBuffer)
        case tooLarge
    }

    @inline(never)
    static func read(_ request: Request, limit: Int) async throws -> Outcome {
        let declared = request.headers.fieldValue(.contentLength).flatMap(Int.init)
        if let declared, declared > limit {
            return .tooLarge
        }
        var collected: ByteBuffer?
        for try await var buffer in request.body {
            guard (collected?.readableBytes ?? 0) + buffer.readableBytes <= limit else { return .tooLarge }
            if collected == nil {
                collected = buffer
            } else {
                collected!.writeBuffer(&buffer)
            }
        }
        return .body(collected ?? ByteBuffer())
    }
}

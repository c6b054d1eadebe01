import HTTPTypes
import Hummingbird

/// Reads a request body up to a size limit. A stalled body is cut off by the connection's read
/// timeout (the channel's idle timeout), which closes the connection.
enum RequestBodyReader {
    enum Outcome {
        case body([UInt8])
        case tooLarge
    }

    @inline(never)
    static func read(_ request: Request, limit: Int) async throws -> Outcome {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return .tooLarge
        }
        var bytes: [UInt8] = []
        if let declared = request.headers[.contentLength].flatMap(Int.init) {
            bytes.reserveCapacity(declared)
        }
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else { return .tooLarge }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return .body(bytes)
    }
}

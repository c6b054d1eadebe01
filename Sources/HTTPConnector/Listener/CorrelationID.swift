import FlowCore
import HTTPTypes
import Hummingbird

/// The event's correlation id: `X-Correlation-ID`, else `MULE_CORRELATION_ID`, else a new UUID.
enum CorrelationID {
    static let headerName = HTTPField.Name("X-Correlation-ID")!
    private static let muleHeaderName = HTTPField.Name("MULE_CORRELATION_ID")!

    static func resolve(_ headers: HTTPFields) -> String {
        if let value = headers.fieldValue(headerName), !value.isEmpty { return value }
        if let value = headers.fieldValue(muleHeaderName), !value.isEmpty { return value }
        return RandomUUID.string()
    }
}

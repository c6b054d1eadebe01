import HTTPTypes
import Hummingbird

/// The event's correlation id: `X-Correlation-ID`, else `MULE_CORRELATION_ID`, else a new UUID.
enum CorrelationID {
    static let headerName = HTTPField.Name("X-Correlation-ID")!
    private static let muleHeaderName = HTTPField.Name("MULE_CORRELATION_ID")!

    static func resolve(_ headers: HTTPFields) -> String {
        if let value = headers[headerName], !value.isEmpty { return value }
        if let value = headers[muleHeaderName], !value.isEmpty { return value }
        return randomUUID()
    }

    /// A random (version 4) UUID in lower-case text, formatted here because Foundation's
    /// `uuidString` goes through `sprintf`, which showed up in request profiles.
    static func randomUUID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 16)
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
            bytes[index + 8] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

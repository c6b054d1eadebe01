/// Random (version 4) UUIDs as lower-case text, from the system generator.
///
/// Foundation's `UUID()` opens, reads and closes `/dev/urandom` for each one (three system calls
/// per request where the Procore connector makes its idempotency token), and its `uuidString`
/// formats through `sprintf`; this reads 16 bytes with `getrandom` and formats them here.
public enum RandomUUID {
    /// A new random UUID, such as `1b4e28ba-2fa1-4d2e-883f-0016d3cca427`.
    public static func string() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
            bytes[index + 8] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
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

/// Random (version 4) UUIDs as lower-case text.
///
/// Foundation's `UUID()` opens, reads and closes `/dev/urandom` for each one (three system calls
/// per request where the Procore connector makes its idempotency token), and its `uuidString`
/// formats through `sprintf`; these take 16 bytes from ``RandomBytes`` and format them here.
public enum RandomUUID {
    /// A new random UUID, such as `1b4e28ba-2fa1-4d2e-883f-0016d3cca427`.
    public static func string() -> String {
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { bytes in
            RandomBytes.fill(bytes)
            bytes[6] = (bytes[6] & 0x0F) | 0x40
            bytes[8] = (bytes[8] & 0x3F) | 0x80
            return HexText.string(UnsafeRawBufferPointer(bytes), dashesBefore: dashesBefore)
        }
    }

    /// Where the dashes go: 8-4-4-4-12 hexadecimal digits.
    private static let dashesBefore = [4, 6, 8, 10]
}

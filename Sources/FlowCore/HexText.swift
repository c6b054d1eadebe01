/// Bytes as hexadecimal text, two digits a byte: digests, `toHex`, trace ids, UUIDs.
public enum HexText {
    /// `bytes` as hexadecimal digits (lower case unless `uppercase`), with a `-` before each of
    /// the bytes at the positions `dashesBefore` (a UUID's 8-4-4-4-12 layout).
    public static func string(_ bytes: UnsafeRawBufferPointer, uppercase: Bool = false, dashesBefore: [Int] = []) -> String {
        let letters = uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")
        return String(unsafeUninitializedCapacity: bytes.count * 2 + dashesBefore.count) { text in
            var length = 0
            for (index, byte) in bytes.enumerated() {
                if !dashesBefore.isEmpty, dashesBefore.contains(index) {
                    text[length] = UInt8(ascii: "-")
                    length += 1
                }
                text[length] = digit(byte >> 4, letters)
                text[length + 1] = digit(byte & 0x0F, letters)
                length += 2
            }
            return length
        }
    }

    /// `bytes` as hexadecimal digits, lower case unless `uppercase`.
    public static func string(_ bytes: [UInt8], uppercase: Bool = false) -> String {
        bytes.withUnsafeBytes { string($0, uppercase: uppercase) }
    }

    @inline(__always)
    private static func digit(_ nibble: UInt8, _ letters: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : letters - 10 + nibble
    }
}

import FlowCore
import Foundation

/// Bytes as Base64 and hexadecimal text, both ways (`dw::core::Binaries`, `as Binary {base: …}`).
enum BinaryText {
    /// Standard Base64 with padding.
    static func toBase64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of Base64 text (padding optional, whitespace ignored); nil when it is not Base64.
    static func fromBase64(_ text: String) -> [UInt8]? {
        var cleaned = text.filter { !$0.isWhitespace }
        let remainder = cleaned.utf8.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { cleaned += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: cleaned).map { Array($0) }
    }

    /// Upper-case hexadecimal, two digits a byte.
    static func toHex(_ bytes: [UInt8], uppercase: Bool = true) -> String {
        HexText.string(bytes, uppercase: uppercase)
    }

    /// The bytes of hexadecimal text (either case, an even number of digits); nil otherwise.
    static func fromHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

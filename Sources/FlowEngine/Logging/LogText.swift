/// Log text made safe for a line-oriented log: a value from a request cannot start a line of
/// its own (a forged `ERROR …` entry) or send terminal escape sequences.
public enum LogText {
    /// `text` with CR, LF and every other control character (C0, DEL, C1, and the Unicode line
    /// and paragraph separators) written as an escape: `\n`, `\r`, `\t`, or `\u{1B}`.
    public static func escaped(_ text: String) -> String {
        // Nearly every text is printable ASCII, which needs no escape: checked byte by byte
        // instead of decoding scalars.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 &- 0x20 < 0x5F } }) == true { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// `text` escaped line by line: its own line breaks stay, anything else is escaped. For
    /// messages the runtime lays out on several lines itself, whose values it escaped already.
    public static func escapedKeepingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}

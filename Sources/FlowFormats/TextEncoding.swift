/// The `encoding` writer property: the character set a writer's UTF-8 output is converted to.
///
/// UTF-8 (the default), US-ASCII, ISO-8859-1, UTF-16 (big-endian with a byte order mark, as
/// Java writes it), UTF-16BE and UTF-16LE. A character the target cannot hold becomes `?`, as
/// Java's encoders replace it, or a character reference in XML.
enum TextEncoding: Sendable {
    case utf8, usASCII, isoLatin1, utf16, utf16BigEndian, utf16LittleEndian

    /// The encoding the `encoding` property names (case-insensitive, Java's names and common
    /// aliases); UTF-8 when the property is absent.
    init(_ properties: FormatProperties) throws(FormatError) {
        let name = try properties.string("encoding", default: "UTF-8")
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "us-ascii", "ascii": self = .usASCII
        case "iso-8859-1", "iso8859-1", "iso_8859_1", "latin1", "latin-1": self = .isoLatin1
        case "utf-16", "utf16": self = .utf16
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "utf-16le", "utf16le": self = .utf16LittleEndian
        default:
            throw FormatError(
                "Unsupported encoding \"\(name)\": use UTF-8, US-ASCII, ISO-8859-1, UTF-16, UTF-16BE or UTF-16LE")
        }
    }

    /// The name to declare in an XML declaration.
    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .usASCII: "US-ASCII"
        case .isoLatin1: "ISO-8859-1"
        case .utf16: "UTF-16"
        case .utf16BigEndian: "UTF-16BE"
        case .utf16LittleEndian: "UTF-16LE"
        }
    }

    /// What to write for a character the encoding cannot hold.
    enum Unmappable {
        /// `?`, as Java's encoders do.
        case questionMark
        /// `&#8364;`, for XML, where a character reference keeps the character.
        case characterReference
    }

    /// `utf8` in this encoding (returned as is for UTF-8).
    func encode(_ utf8: [UInt8], unmappable: Unmappable = .questionMark) -> [UInt8] {
        if self == .utf8 { return utf8 }
        var output: [UInt8] = []
        output.reserveCapacity(self == .usASCII || self == .isoLatin1 ? utf8.count : utf8.count * 2 + 2)
        if self == .utf16 { output += [0xFE, 0xFF] }
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            switch self {
            case .utf8: break
            case .usASCII, .isoLatin1:
                if scalar.value < (self == .usASCII ? 0x80 : 0x100) {
                    output.append(UInt8(scalar.value))
                } else if unmappable == .characterReference {
                    output += Array("&#\(scalar.value);".utf8)
                } else {
                    output.append(UInt8(ascii: "?"))
                }
            case .utf16, .utf16BigEndian, .utf16LittleEndian:
                for unit in scalar.utf16 {
                    let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
                    output += self == .utf16LittleEndian ? [low, high] : [high, low]
                }
            }
        }
        return output
    }
}

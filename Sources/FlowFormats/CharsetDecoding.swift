import Foundation

/// Text in the `charset` a media type names: UTF-8 unless it names ISO-8859-1, Windows-1252 or
/// UTF-16 (bytes that are not valid in it are replaced, never refused).
enum CharsetDecoding {
    /// Whether `charset` (lower-cased) is UTF-8 or a subset of it, so the bytes need no decoding.
    static func isUTF8(_ charset: String?) -> Bool {
        guard let charset else { return true }
        return ["utf-8", "utf8", "us-ascii", "ascii"].contains(charset)
    }

    /// The text of `bytes` in `charset`.
    static func text(_ bytes: UnsafeRawBufferPointer, charset: String?) -> String {
        switch charset {
        case "iso-8859-1", "latin1", "l1", "iso_8859-1":
            return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        case "utf-16":
            return String(data: Data(bytes), encoding: .utf16) ?? String(decoding: bytes, as: UTF8.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A MIME type with its parameters, the part of Mule's `DataType` that says how a value's bytes
/// are written: `application/json`, `text/plain; charset=ISO-8859-1`, `application/csv; separator=;`.
///
/// Parameters other than `charset` are the reader and writer properties of the type's format,
/// as Mule reads them from a `mimeType` attribute (`application/csv; header=false`).
public struct MediaType: Sendable, Hashable, CustomStringConvertible {
    /// One `name=value` parameter, as written (the value without surrounding quotes). Names
    /// compare case-insensitively (``MediaType/subscript(parameter:)``), but are kept as written:
    /// writer properties are camel-cased (`skipNullOn`).
    public struct Parameter: Sendable, Hashable {
        /// The parameter's name.
        public let name: String
        /// The value, without surrounding quotes.
        public let value: String

        /// Creates a parameter.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The type and subtype, lower-cased, without parameters: `application/json`.
    public let essence: String
    /// The parameters in the order written.
    public let parameters: [Parameter]
    /// The text this was parsed from, which ``description`` gives back as it was written: a
    /// `Content-Type` passed on is passed on unchanged.
    private let text: String?

    /// Creates a media type from its essence (lower-cased here) and parameters.
    public init(_ essence: String, parameters: [Parameter] = []) {
        self.essence = Self.lowercased(essence)
        self.parameters = parameters
        text = nil
    }

    /// Reads a `Content-Type` header or `mimeType` attribute; nil when it names no `type/subtype`.
    public init?(parsing text: String) {
        // The common spellings (`application/json`) are taken as they are, without splitting,
        // trimming or lower-casing: the listener reads one per request.
        if Self.isPlainEssence(text) {
            self.init(essence: text, parameters: [], text: text)
            return
        }
        let pieces = Self.splitParameters(text)
        let head = Self.trimmed(pieces[0])
        guard Self.isEssence(head) else { return nil }
        var parameters: [Parameter] = []
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = Self.trimmed(pair[0])
            var value = Self.trimmed(pair[1])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = Self.unquoted(value.dropFirst().dropLast()) }
            if !name.isEmpty { parameters.append(Parameter(name: name, value: value)) }
        }
        self.init(essence: Self.lowercased(head), parameters: parameters, text: text.trimmingWhitespace)
    }

    private init(essence: String, parameters: [Parameter], text: String? = nil) {
        self.essence = essence
        self.parameters = parameters
        self.text = text
    }

    /// Equal essences and parameters, however the text was spaced or cased.
    /// Parameter names compare case-insensitively, values exactly.
    public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
        guard lhs.essence == rhs.essence, lhs.parameters.count == rhs.parameters.count else { return false }
        return zip(lhs.parameters, rhs.parameters).allSatisfy { left, right in
            left.value == right.value && lowercased(left.name) == lowercased(right.name)
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(essence)
        hasher.combine(parameters.count)
    }

    /// The value of parameter `name` (case-insensitive), if present.
    public subscript(parameter name: String) -> String? {
        let key = Self.lowercased(name)
        return parameters.first { Self.lowercased($0.name) == key }?.value
    }

    /// The `charset` parameter, lower-cased.
    public var charset: String? {
        self[parameter: "charset"].map(Self.lowercased)
    }

    /// The same type with `charset` set to `charset`.
    public func withCharset(_ charset: String) -> MediaType {
        MediaType(essence: essence, parameters: parameters.filter { Self.lowercased($0.name) != "charset" } + [Parameter(name: "charset", value: charset)])
    }

    /// The same type with only its `charset` parameter: what a `Content-Type` says about bytes
    /// a writer produced, without the properties that configured the writer (`indent=false`).
    public var withoutFormatProperties: MediaType {
        without { Self.lowercased($0.name) != "charset" }
    }

    /// The same type without the parameters `isRemoved` picks.
    public func without(_ isRemoved: (Parameter) -> Bool) -> MediaType {
        let kept = parameters.filter { !isRemoved($0) }
        return kept.count == parameters.count ? self : MediaType(essence: essence, parameters: kept)
    }

    /// Whether this is JSON: `application/json` or any `…/…+json`.
    public var isJSON: Bool {
        essence == "application/json" || (essence.hasSuffix("+json") && essence.contains("/"))
    }

    /// Whether the type says nothing about how the value is written: `*/*` (Mule's `ANY`, what a
    /// body without `Content-Type` has) or `application/java` (a value a component produced
    /// without declaring a format).
    public var isUnspecified: Bool {
        essence == "*/*" || essence == "application/java"
    }

    /// The text it was parsed from, else `essence; name=value; …` as a `Content-Type` header
    /// carries it.
    public var description: String {
        if let text { return text }
        guard !parameters.isEmpty else { return essence }
        var text = essence
        for parameter in parameters {
            text += "; \(parameter.name)=\(Self.quotedIfNeeded(parameter.value))"
        }
        return text
    }

    /// `application/json`.
    public static let json = MediaType(essence: "application/json", parameters: [])
    /// `text/plain`.
    public static let text = MediaType(essence: "text/plain", parameters: [])
    /// `application/java`: a value produced without a declared format.
    public static let java = MediaType(essence: "application/java", parameters: [])
    /// `*/*`: anything (a body received without `Content-Type`).
    public static let any = MediaType(essence: "*/*", parameters: [])
    /// `application/octet-stream`: bytes without a known structure.
    public static let octetStream = MediaType(essence: "application/octet-stream", parameters: [])
    /// `application/x-www-form-urlencoded`.
    public static let form = MediaType(essence: "application/x-www-form-urlencoded", parameters: [])

    // MARK: ASCII helpers (no Foundation on the listener's path)

    /// Whether `text` is already a bare lower-case `type/subtype`.
    private static func isPlainEssence(_ text: String) -> Bool {
        var slashes = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "/"): slashes += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: "\t"): return false
            case 0...0x20, 0x7F...: return false
            default: continue
            }
        }
        return slashes == 1 && !text.hasPrefix("/") && !text.hasSuffix("/")
    }

    private static func isEssence(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !text.utf8.contains { $0 <= 0x20 || $0 >= 0x7F }
    }

    static func lowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return text }
        return String(decoding: text.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// `text` split at the `;`s outside quoted strings (`separator=";"` is one parameter).
    private static func splitParameters(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = start
        var quoted = false
        while index < text.endIndex {
            let character = text[index]
            if quoted, character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == "\"" { quoted.toggle() } else if character == ";", !quoted {
                pieces.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        pieces.append(text[start...])
        return pieces
    }

    /// The text of a quoted string's inside, `\x` read as `x` (RFC 9110 §5.6.4).
    private static func unquoted(_ inside: Substring) -> String {
        guard inside.contains("\\") else { return String(inside) }
        var text = ""
        var escaped = false
        for character in inside {
            if !escaped, character == "\\" { escaped = true; continue }
            text.append(character)
            escaped = false
        }
        return text
    }

    /// The characters a parameter value must be quoted to hold (RFC 9110 §5.6.2).
    private static let tokenSeparators = Set("()<>@,;:\\\"/[]?={} \t".utf8)

    /// `value` as a parameter value: as it is when it is a token, else a quoted string.
    private static func quotedIfNeeded(_ value: String) -> String {
        guard value.isEmpty || value.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F || tokenSeparators.contains($0) }) else { return value }
        var text = "\""
        for character in value {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }

    private static func trimmed(_ text: Substring) -> String {
        var slice = text
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice.count == count ? self : String(slice)
    }
}

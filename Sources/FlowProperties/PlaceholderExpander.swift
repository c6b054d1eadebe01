import FlowCore

/// The `${…}` substitution engine behind ``PropertyResolver/resolve(_:at:)``.
///
/// Works on UTF-8 bytes and scans for `${` directly (no regular expressions): attribute values
/// are resolved by the hundred thousand. It keeps a running count of Unicode scalars so that a
/// problem can be located at its column, and the chain of keys being expanded to detect cycles.
struct PlaceholderExpander {
    static let dollar = UInt8(ascii: "$")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let backslash = UInt8(ascii: "\\")
    /// Deeper nesting or longer reference chains are refused before they can exhaust the stack.
    static let maximumDepth = 64
    /// The longest text one expansion may produce (1 MiB): a short chain of properties that
    /// each repeat the previous one twice would otherwise reach gigabytes.
    static let maximumLength = 1 << 20

    /// Where the text being expanded was written, so an offset in it can be located.
    enum Origin {
        /// An attribute value, a text node or the value of a property read from a file.
        case text(SourceMap)
        /// A value with no usable position (command line, environment, decrypted secret):
        /// everything in it is reported at the placeholder that brought it in.
        case fixed(SourceLocation)

        func location(at offset: Int) -> SourceLocation {
            switch self {
            case .text(let map): map.location(ofOffset: offset)
            case .fixed(let site): site
            }
        }
    }

    /// A `${` being expanded; located only when something is reported or a value needs it.
    struct Site {
        let origin: Origin
        let offset: Int
        var location: SourceLocation { origin.location(at: offset) }
    }

    let resolver: PropertyResolver
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var containsSecret = false
    /// Keys being expanded, outermost first (secure keys with their `secure::` prefix).
    private var chain: [String] = []
    private var depth = 0
    /// Set once the output passed ``maximumLength``: every expansion in progress stops.
    private var overflowed = false

    init(resolver: PropertyResolver) {
        self.resolver = resolver
    }

    /// Appends the expansion of `bytes[range]` to `output`; false when anything was reported.
    ///
    /// - Parameter scalarBase: the offset, in Unicode scalars from the start of the origin's
    ///   text, of `bytes[range.lowerBound]`.
    mutating func expand(_ bytes: [UInt8], _ range: Range<Int>, scalarBase: Int, origin: Origin, into output: inout [UInt8]) -> Bool {
        var succeeded = true
        var index = range.lowerBound
        var scalarOffset = scalarBase
        let end = range.upperBound
        while index < end {
            if overflowed { return false }
            // Copy the run of plain text up to the next `$` or `\` in one go.
            var runEnd = index
            while runEnd < end, bytes[runEnd] != Self.dollar, bytes[runEnd] != Self.backslash {
                if Self.startsScalar(bytes[runEnd]) { scalarOffset += 1 }
                runEnd += 1
            }
            if runEnd > index {
                output.append(contentsOf: bytes[index..<runEnd])
                index = runEnd
                continue
            }
            let byte = bytes[index]
            if byte == Self.backslash, index + 2 < end, bytes[index + 1] == Self.dollar, bytes[index + 2] == Self.openBrace {
                output.append(Self.dollar)
                output.append(Self.openBrace)
                index += 3
                scalarOffset += 3
                continue
            }
            guard byte == Self.dollar, index + 1 < end, bytes[index + 1] == Self.openBrace else {
                output.append(byte)
                scalarOffset += 1
                index += 1
                continue
            }
            let site = Site(origin: origin, offset: scalarOffset)
            guard let close = Self.matchingClose(bytes, from: index + 2, end: end) else {
                report(unterminatedMessage(bytes, index + 2..<end), at: site.location)
                return false
            }
            let keyRange = index + 2..<close
            var keyBytes: [UInt8] = []
            var keyResolved = true
            if Self.containsDollar(bytes, keyRange) {
                if enter(site: site) {
                    keyResolved = expand(bytes, keyRange, scalarBase: scalarOffset + 2, origin: origin, into: &keyBytes)
                    depth -= 1
                } else {
                    keyResolved = false
                }
            } else {
                keyBytes = Array(bytes[keyRange])
            }
            if keyResolved {
                let key = String(decoding: keyBytes, as: UTF8.self)
                if !substitute(key: key, site: site, into: &output) { succeeded = false }
            } else {
                succeeded = false
            }
            scalarOffset += Self.scalarCount(bytes, index..<close + 1)
            index = close + 1
        }
        return succeeded
    }

    /// The expansion of a definition's value, as a property reached through `key` from `site`.
    mutating func expandDefinition(_ definition: PropertyDefinition, key: String, site: SourceLocation) -> [UInt8]? {
        var output: [UInt8] = []
        let appended = appendExpansion(of: definition, key: key, site: Site(origin: .fixed(site), offset: 0), into: &output)
        if overflowed || output.count > Self.maximumLength {
            overflowed = true
            reportOverflow(key: key, at: site)
            return nil
        }
        return appended ? output : nil
    }

    // MARK: - One placeholder

    private mutating func substitute(key: String, site: Site, into output: inout [UInt8]) -> Bool {
        guard let definition = resolver.definition(forKey: key) else {
            let secureName = key.dropFirst(PropertyResolver.securePrefix.count)
            if resolver.isSecureKey(key), resolver.undecryptableSecureKeys.contains(String(secureName)) {
                report("Secure property '\(secureName)' is unavailable because it could not be decrypted", at: site.location)
            } else {
                report("Couldn't find configuration property value for key ${\(key)}", at: site.location)
            }
            return false
        }
        if let start = chain.firstIndex(of: key) {
            let cycle = chain[start...] + [key]
            report("Circular property reference: \(cycle.joined(separator: " -> "))", at: site.location)
            return false
        }
        let appended = appendExpansion(of: definition, key: key, site: site, into: &output)
        if output.count > Self.maximumLength { overflowed = true }
        // Reported once, at the placeholder the author wrote, not deep inside the chain.
        if overflowed, chain.isEmpty { reportOverflow(key: key, at: site.location) }
        return appended && !overflowed
    }

    private mutating func reportOverflow(key: String, at location: SourceLocation) {
        report("Property placeholders expand to more than \(Self.maximumLength) bytes (1 MiB) in ${\(key)}", at: location)
    }

    private mutating func appendExpansion(of definition: PropertyDefinition, key: String, site: Site, into output: inout [UInt8]) -> Bool {
        if definition.isSecret { containsSecret = true }
        guard Self.containsDollar(definition.value) else {
            output.append(contentsOf: definition.value.utf8)
            return true
        }
        let value = Array(definition.value.utf8)
        guard enter(site: site) else { return false }
        defer { depth -= 1 }
        chain.append(key)
        defer { chain.removeLast() }

        let origin: Origin = if !definition.isSecret, let entry = definition.entry { .text(entry.valueMap) } else { .fixed(site.location) }
        let reportedBefore = diagnostics.count
        let succeeded = expand(value, 0..<value.count, scalarBase: 0, origin: origin, into: &output)
        if definition.isSecret && diagnostics.count > reportedBefore {
            // The messages could quote pieces of the plaintext (key names written in it): replace
            // them with one that names only the secure key.
            diagnostics.removeSubrange(reportedBefore...)
            report("Couldn't resolve the placeholders inside secure property '\(definition.key)'", at: site.location)
        }
        return succeeded
    }

    // MARK: - Helpers

    /// One level deeper, or false (reported) past ``maximumDepth``.
    private mutating func enter(site: Site) -> Bool {
        guard depth < Self.maximumDepth else {
            report("Property placeholders are nested or chained more than \(Self.maximumDepth) levels deep", at: site.location)
            return false
        }
        depth += 1
        return true
    }

    private mutating func report(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// The index of the `}` closing a `${` whose key starts at `start`, counting nested `${`.
    private static func matchingClose(_ bytes: [UInt8], from start: Int, end: Int) -> Int? {
        var nesting = 1
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == dollar, index + 1 < end, bytes[index + 1] == openBrace {
                nesting += 1
                index += 2
                continue
            }
            if byte == closeBrace {
                nesting -= 1
                if nesting == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    private func unterminatedMessage(_ bytes: [UInt8], _ keyRange: Range<Int>) -> String {
        let key = String(decoding: bytes[keyRange], as: UTF8.self)
        let shown = key.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(key.unicodeScalars.prefix(40))) + "…" : key
        return "Unterminated property placeholder '${\(shown)': missing '}'"
    }

    /// Whether a UTF-8 byte starts a Unicode scalar (is not a continuation byte).
    private static func startsScalar(_ byte: UInt8) -> Bool {
        byte & 0xC0 != 0x80
    }

    // The scans below are plain loops on purpose: the generic `contains`/`reduce` are not
    // specialized in debug builds, where they cost several times more.

    private static func scalarCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            if startsScalar(bytes[index]) { count += 1 }
            index += 1
        }
        return count
    }

    private static func containsDollar(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == dollar { return true }
            index += 1
        }
        return false
    }

    /// Whether `text` contains a `$`, the one byte every placeholder and escape starts with.
    static func containsDollar(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] == dollar { return true }
                index += 1
            }
            return false
        }
    }
}

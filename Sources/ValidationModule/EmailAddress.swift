/// The email rule of `is-email`, close to what Mule's commons-validator `EmailValidator` accepts
/// (RFC 5321/5322 addresses as written in practice):
///
/// - no leading or trailing whitespace (Mule checks this before the validator), at most 254
///   characters, exactly one `@` outside a quoted local part;
/// - a local part of 1–64 characters: dot-separated atoms of letters, digits and
///   ``!#$%&'*+/=?^_`{|}~-`` (no leading, trailing or doubled dot), or a quoted string
///   (`"john doe"`) of printable ASCII where `"` and `\` are escaped with `\`;
/// - a domain of at least two dot-separated labels of letters, digits and `-`, each 1–63
///   characters and not starting or ending with `-`, the last (the top-level domain) letters
///   only and at least two of them; or an IPv4 literal in brackets (`[192.168.0.1]`).
///
/// Internationalized (non-ASCII) addresses are rejected, as commons-validator does by default.
enum EmailAddress {
    private static let atomSymbols = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    /// Whether `text` is a valid address under the rule above.
    static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 254, scalars.allSatisfy(\.isASCII),
              let at = scalars.lastIndex(of: "@"), at > 0
        else { return false }
        return isValidLocalPart(Array(scalars[..<at])) && isValidDomain(Array(scalars[(at + 1)...]))
    }

    private static func isValidLocalPart(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count <= 64 else { return false }
        if scalars.first == "\"" { return isValidQuotedString(scalars) }
        let atoms = scalars.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { isAlphanumeric($0) || atomSymbols.contains($0) }
        }
    }

    private static func isValidQuotedString(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 2, scalars.last == "\"" else { return false }
        var index = 1
        while index < scalars.count - 1 {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            // Printable ASCII and space; a bare quote would end the string early.
            guard scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\"" else { return false }
            index += 1
        }
        return index == scalars.count - 1
    }

    private static func isValidDomain(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.first == "[" {
            guard scalars.last == "]", scalars.count > 2 else { return false }
            return IPAddress.isIPv4(String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)])))
        }
        let labels = scalars.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2,
              topLevel.allSatisfy({ isLetter($0) })
        else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || ("0"..."9").contains(scalar)
    }
}

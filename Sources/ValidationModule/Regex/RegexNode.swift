/// A parsed regular expression, before it is compiled into ``RegexProgram`` instructions.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar.
    case scalar(Unicode.Scalar)
    /// `.`: any scalar but a line terminator (Java's default, without DOTALL).
    case any
    /// A bracket expression or a class escape such as `\d`.
    case set(CharacterSet)
    /// A zero-width assertion (`^`, `$`, `\b`…).
    case assertion(RegexAssertion)
    /// The nodes one after another.
    case concat([RegexNode])
    /// Any one of the nodes.
    case alternation([RegexNode])
    /// The node between `min` and `max` times (`max` nil: unbounded); `offset` is where the
    /// quantifier is written, for reporting a program grown too large.
    case repeated(RegexNode, min: Int, max: Int?, offset: Int)

    /// A set of scalars: ranges and class escapes, possibly negated.
    struct CharacterSet: Sendable {
        /// One member of the set.
        enum Item: Sendable {
            case range(Unicode.Scalar, Unicode.Scalar)
            case digit(negated: Bool)
            case word(negated: Bool)
            case space(negated: Bool)
        }

        var items: [Item]
        var negated: Bool

        /// Whether `scalar` is in the set; with `caseInsensitive`, ASCII letters match either case
        /// (Java's `CASE_INSENSITIVE` without `UNICODE_CASE`, which commons-validator uses).
        func contains(_ scalar: Unicode.Scalar, caseInsensitive: Bool) -> Bool {
            var found = containsExactly(scalar)
            if !found, caseInsensitive, let other = RegexNode.otherCase(scalar) { found = containsExactly(other) }
            return found != negated
        }

        private func containsExactly(_ scalar: Unicode.Scalar) -> Bool {
            for item in items {
                switch item {
                case .range(let low, let high): if low <= scalar && scalar <= high { return true }
                case .digit(let negated): if RegexNode.isDigit(scalar) != negated { return true }
                case .word(let negated): if RegexNode.isWord(scalar) != negated { return true }
                case .space(let negated): if RegexNode.isSpace(scalar) != negated { return true }
                }
            }
            return false
        }
    }

    // Java's predefined classes are ASCII-only unless UNICODE_CHARACTER_CLASS is set.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
    }
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The other case of an ASCII letter, nil for anything else.
    static func otherCase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A { return Unicode.Scalar(value + 0x20) }
        if value >= 0x61 && value <= 0x7A { return Unicode.Scalar(value - 0x20) }
        return nil
    }
}

/// A zero-width test of the position between two scalars.
enum RegexAssertion: Sendable {
    /// `^` or `\A`: the start of the input (no MULTILINE mode).
    case start
    /// `$`: the end of the input, or just before a final line terminator.
    case end
    /// `\z`: the very end of the input.
    case absoluteEnd
    /// `\b`.
    case wordBoundary
    /// `\B`.
    case notWordBoundary
}

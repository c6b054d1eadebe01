/// A regular expression matched in time linear in the input, for patterns users write in
/// `validation:matches-regex`.
///
/// Swift's `Regex` and `NSRegularExpression` backtrack, so a pattern such as `(a+)+$` on a
/// hostile input could keep a request busy for ever. This engine simulates a Thompson NFA
/// (a Pike VM) instead: every alternative advances together, one input character at a time.
///
/// It accepts Java's syntax for the common subset: literals, `.`, classes (`[a-z]`, `[^…]`),
/// escapes (`\d \w \s \D \W \S`, `\t \n \r`, `\xhh`, `\uhhhh`, `\Q…\E`, escaped punctuation),
/// anchors (`^ $ \A \z \Z \b \B`), groups (`( )`, `(?: )`, `(?<name> )`), alternation, and the
/// quantifiers `* + ? {n} {n,} {n,m}` with their lazy forms (which match alike, since only
/// whether the input matches is asked). Backreferences, lookaround, atomic groups, possessive
/// quantifiers, inline flags and Unicode property classes are rejected with the offset of the
/// construct. Case-insensitive mode folds ASCII letters only, as Java's `CASE_INSENSITIVE` does.
public struct LinearRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    private let program: RegexProgram

    /// Compiles `pattern`; throws for a syntax error or an unsupported construct.
    public init(_ pattern: String, caseSensitive: Bool = true) throws(RegexSyntaxError) {
        self.pattern = pattern
        program = try RegexProgram(RegexParser.parse(pattern), caseInsensitive: !caseSensitive)
    }

    /// Whether the pattern matches the whole of `input` (Java's `Matcher.matches()`).
    public func matches(_ input: String) -> Bool {
        program.matchesWhole(input)
    }
}

import Testing
import ValidationModule

/// The linear-time regex engine: the supported subset, whole-string matching, the constructs it
/// refuses, and a pattern that would hang a backtracking engine.
@Suite("LinearRegex")
struct LinearRegexTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let input: String
        let matches: Bool
        var caseSensitive = true
        var testDescription: String { "/\(pattern)/ \(matches ? "matches" : "rejects") \"\(input)\"" }
    }

    static let cases: [Case] = [
        Case(pattern: "abc", input: "abc", matches: true),
        Case(pattern: "abc", input: "abcd", matches: false),  // the whole input must match
        Case(pattern: "abc", input: "xabc", matches: false),
        Case(pattern: "a.c", input: "a-c", matches: true),
        Case(pattern: "a.c", input: "a\nc", matches: false),
        Case(pattern: "[a-c]+", input: "abcabc", matches: true),
        Case(pattern: "[a-c]+", input: "abd", matches: false),
        Case(pattern: "[^0-9]*", input: "abc", matches: true),
        Case(pattern: "[^0-9]*", input: "ab1", matches: false),
        Case(pattern: "[-a]+", input: "-a-", matches: true),
        Case(pattern: "[\\d.]+", input: "1.5", matches: true),
        Case(pattern: "\\d{3}-\\d{4}", input: "555-1234", matches: true),
        Case(pattern: "\\d{3}-\\d{4}", input: "55-1234", matches: false),
        Case(pattern: "\\w+\\s\\w+", input: "hello world", matches: true),
        Case(pattern: "\\D\\W\\S", input: "a!b", matches: true),
        Case(pattern: "\\D", input: "5", matches: false),
        Case(pattern: "a\\.b\\\\c", input: "a.b\\c", matches: true),
        Case(pattern: "a\\.b", input: "axb", matches: false),
        Case(pattern: "^abc$", input: "abc", matches: true),
        Case(pattern: "a^b", input: "ab", matches: false),
        Case(pattern: "(ab)+", input: "ababab", matches: true),
        Case(pattern: "(ab)+", input: "aba", matches: false),
        Case(pattern: "(?:ab|cd)*e", input: "abcdabe", matches: true),
        Case(pattern: "(?<year>\\d{4})-\\d{2}", input: "2025-01", matches: true),
        Case(pattern: "cat|dog", input: "dog", matches: true),
        Case(pattern: "cat|dog", input: "cow", matches: false),
        Case(pattern: "colou?r", input: "color", matches: true),
        Case(pattern: "colou?r", input: "colouur", matches: false),
        Case(pattern: "a{2}", input: "aa", matches: true),
        Case(pattern: "a{2}", input: "aaa", matches: false),
        Case(pattern: "a{2,}", input: "aaaaa", matches: true),
        Case(pattern: "a{2,}", input: "a", matches: false),
        Case(pattern: "a{2,3}", input: "aaa", matches: true),
        Case(pattern: "a{2,3}", input: "aaaa", matches: false),
        Case(pattern: "a{0}b", input: "b", matches: true),
        Case(pattern: "a*?b", input: "aaab", matches: true),
        Case(pattern: "a+?", input: "aaa", matches: true),
        Case(pattern: "a??b", input: "b", matches: true),
        Case(pattern: "a{1,2}?", input: "aa", matches: true),
        Case(pattern: "(a*)*b", input: "aaab", matches: true),
        Case(pattern: "()", input: "", matches: true),
        Case(pattern: "", input: "", matches: true),
        Case(pattern: "", input: "a", matches: false),
        Case(pattern: "\\bword\\b", input: "word", matches: true),
        Case(pattern: "a\\Bb", input: "ab", matches: true),
        Case(pattern: "\\x41\\u0042", input: "AB", matches: true),
        Case(pattern: "\\Q.*\\E", input: ".*", matches: true),
        Case(pattern: "\\Q.*\\E", input: "ab", matches: false),
        Case(pattern: "[A-Z]+", input: "abc", matches: false),
        Case(pattern: "[A-Z]+", input: "abc", matches: true, caseSensitive: false),
        Case(pattern: "hello", input: "HeLLo", matches: true, caseSensitive: false),
        Case(pattern: "[^a]", input: "A", matches: false, caseSensitive: false),
        Case(pattern: "é+", input: "éé", matches: true),
        Case(pattern: "[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}", input: "ann@example.com", matches: true),
    ]

    @Test("the subset matches whole inputs as Java's Matcher.matches() does", arguments: cases)
    func subset(_ testCase: Case) throws {
        let regex = try LinearRegex(testCase.pattern, caseSensitive: testCase.caseSensitive)
        #expect(regex.matches(testCase.input) == testCase.matches)
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let pattern: String
        /// 0-based offset of the offending character.
        let offset: Int
        let message: String
        var testDescription: String { pattern }
    }

    static let refusals: [Refusal] = [
        Refusal(pattern: "(a)\\1", offset: 3, message: "Backreference '\\1' is not supported: it needs backtracking"),
        Refusal(pattern: "a(?=b)", offset: 1, message: "Lookahead '(?=' is not supported: it needs backtracking"),
        Refusal(pattern: "a(?!b)", offset: 1, message: "Lookahead '(?!' is not supported: it needs backtracking"),
        Refusal(pattern: "x(?<=a)b", offset: 1, message: "Lookbehind '(?<=' is not supported: it needs backtracking"),
        Refusal(pattern: "(?<!a)b", offset: 0, message: "Lookbehind '(?<!' is not supported: it needs backtracking"),
        Refusal(pattern: "(?>a)", offset: 0, message: "Atomic groups '(?>' are not supported: they need backtracking"),
        Refusal(pattern: "ab*+", offset: 2, message: "Possessive quantifiers ('*+') are not supported: they need backtracking"),
        Refusal(pattern: "(ab", offset: 0, message: "Unclosed group: missing ')' to close '('"),
        Refusal(pattern: "ab)", offset: 2, message: "Unmatched ')'"),
        Refusal(pattern: "[ab", offset: 0, message: "Unclosed character class: missing ']' to close '['"),
        Refusal(pattern: "a**", offset: 2, message: "Dangling quantifier '*': it repeats nothing"),
        Refusal(pattern: "[z-a]", offset: 1, message: "Range 'z-a' is out of order"),
        Refusal(pattern: "a{3,1}", offset: 1, message: "Repetition {3,1} has its bounds reversed"),
        Refusal(pattern: "\\p{L}", offset: 0, message: "Unicode property class '\\p' is not supported"),
        Refusal(pattern: "(?i)a", offset: 0,
                message: "Inline flags and other '(?' constructs are not supported; use caseSensitive=\"false\" for '(?i)'"),
        Refusal(pattern: "(a{1000}){1000}", offset: 9, message: "Regex too large once repetitions are expanded (over 50000 steps)"),
    ]

    @Test("constructs needing backtracking and syntax errors are refused at their offset", arguments: refusals)
    func refused(_ refusal: Refusal) {
        #expect(throws: RegexSyntaxError(refusal.message, at: refusal.offset)) {
            try LinearRegex(refusal.pattern)
        }
    }

    @Test("a catastrophic pattern for backtracking engines finishes on a hostile input")
    func catastrophicPattern() throws {
        let hostile = String(repeating: "a", count: 10_000) + "b"
        #expect(try LinearRegex("(a+)+$").matches(hostile) == false)
        #expect(try LinearRegex("(a|aa)*c").matches(hostile) == false)
        #expect(try LinearRegex("(a*)*$").matches(String(repeating: "a", count: 10_000)))
    }
}

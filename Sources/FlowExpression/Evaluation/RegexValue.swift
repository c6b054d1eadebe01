import Foundation
import FlowCore

/// A compiled regular expression (`/\d+/`), in Java's syntax as DataWeave takes it (ICU's is
/// the same for what scripts use).
final class RegexValue: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    let pattern: String
    let expression: NSRegularExpression
    /// The same pattern anchored at both ends, for `matches`.
    let whole: NSRegularExpression

    init?(_ pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let whole = try? NSRegularExpression(pattern: "^(?:\(pattern))$")
        else { return nil }
        self.pattern = pattern
        self.expression = expression
        self.whole = whole
    }

    /// This regex as a value.
    var value: Value { .opaque(OpaqueValue(.regex, object: self)) }

    /// The regex a value holds, or nil.
    static func of(_ value: Value) -> RegexValue? {
        guard case .opaque(let opaque) = value, opaque.kind == .regex else { return nil }
        return opaque.object as? RegexValue
    }

    /// Every match in `text`: the whole match first, then each group (null when a group did not
    /// take part).
    func matches(in text: String) -> [[Value]] {
        let string = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: string.length)).map { result in
            groups(of: result, in: string)
        }
    }

    /// The match of the whole of `text`, or nil.
    func wholeMatch(_ text: String) -> [Value]? {
        let string = text as NSString
        guard let result = whole.firstMatch(in: text, range: NSRange(location: 0, length: string.length)) else { return nil }
        return groups(of: result, in: string)
    }

    /// The first match in `text`, or nil.
    func firstMatch(_ text: String) -> [Value]? {
        let string = text as NSString
        guard let result = expression.firstMatch(in: text, range: NSRange(location: 0, length: string.length)) else { return nil }
        return groups(of: result, in: string)
    }

    func groups(of result: NSTextCheckingResult, in string: NSString) -> [Value] {
        (0..<result.numberOfRanges).map { index in
            let range = result.range(at: index)
            return range.location == NSNotFound ? .null : .string(string.substring(with: range))
        }
    }
}

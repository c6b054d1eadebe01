import Foundation
import FlowCore

/// `dw::Core`'s text functions that take a string or a regular expression: `contains`,
/// `splitBy`, `replace … with`, `match`, `matches`, `scan`, `find`, `indexOf`, `lastIndexOf`.
enum TextFunctions {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "contains", arity: 2...2) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.array(let items), let element): return .bool(items.contains { Equality.equal($0, element) })
            case (.null, _): return false
            case (.string(let text), .string(let part)): return .bool(text.contains(part))
            case (.string(let text), .int), (.string(let text), .decimal), (.string(let text), .bool):
                return .bool(text.contains(Coercion.templateText(arguments[1])))
            case (.string(let text), _):
                guard let regex = RegexValue.of(arguments[1]) else { throw EvaluationFailure.call("contains", arguments[0], arguments[1]) }
                return .bool(regex.firstMatch(text) != nil)
            default: throw EvaluationFailure.call("contains", arguments[0], arguments[1])
            }
        },
        BuiltinFunction(name: "splitBy", arity: 2...2) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, _): return .null
            case (.string(let text), .string(let separator)):
                if text.isEmpty { return .array([]) }
                if separator.isEmpty { return .array(text.map { .string(String($0)) }) }
                return .array(text.components(separatedBy: separator).map(Value.string))
            case (.string(let text), _):
                guard let regex = RegexValue.of(arguments[1]) else { throw EvaluationFailure.call("splitBy", arguments[0], arguments[1]) }
                if text.isEmpty { return .array([]) }
                let string = text as NSString
                var parts: [Value] = []
                var start = 0
                for result in regex.expression.matches(in: text, range: NSRange(location: 0, length: string.length)) where result.range.length > 0 {
                    parts.append(.string(string.substring(with: NSRange(location: start, length: result.range.location - start))))
                    start = result.range.location + result.range.length
                }
                parts.append(.string(string.substring(from: start)))
                // Java's split drops trailing empty strings.
                while parts.count > 1, parts.last == .string("") { parts.removeLast() }
                return .array(parts)
            default: throw EvaluationFailure.call("splitBy", arguments[0], arguments[1])
            }
        },
        BuiltinFunction(name: "replace", arity: 3...3, functionParameters: [2]) { (frame, arguments) throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("replace", arguments[0], arguments[1], arguments[2])
            }
            let replacement = arguments[2]
            if case .string(let target) = arguments[1] {
                guard !target.isEmpty else { return .string(text) }
                switch replacement {
                case .string, .int, .decimal, .bool:
                    return .string(text.replacingOccurrences(of: target, with: Coercion.templateText(replacement)))
                default: break
                }
            }
            let regex: RegexValue
            if let given = RegexValue.of(arguments[1]) {
                regex = given
            } else if case .string(let target) = arguments[1], let literal = RegexValue(NSRegularExpression.escapedPattern(for: target)) {
                regex = literal
            } else {
                throw EvaluationFailure.call("replace", arguments[0], arguments[1], arguments[2])
            }
            let string = text as NSString
            var result = ""
            var start = 0
            for (offset, match) in regex.expression.matches(in: text, range: NSRange(location: 0, length: string.length)).enumerated() {
                result += string.substring(with: NSRange(location: start, length: match.range.location - start))
                if let function = Callable.of(replacement) {
                    let groups = regex.groups(of: match, in: string)
                    result += try Coercion.toString(try function.call(&frame, .array(groups), .int(Int64(offset))))
                } else {
                    // `$1` in the replacement refers to a group, as in Java's replaceAll.
                    let template = Coercion.templateText(replacement)
                    result += regex.expression.replacementString(for: match, in: text, offset: 0, template: template)
                }
                start = match.range.location + match.range.length
            }
            result += string.substring(from: start)
            return .string(result)
        },
        BuiltinFunction(name: "match", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let regex = RegexValue.of(arguments[1]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("match", arguments[0], arguments[1])
            }
            return .array(regex.firstMatch(text) ?? [])
        },
        BuiltinFunction(name: "matches", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else {
                if arguments[0].isNull { return false }
                throw EvaluationFailure.call("matches", arguments[0], arguments[1])
            }
            if case .string(let other) = arguments[1] { return .bool(text == other) }
            guard let regex = RegexValue.of(arguments[1]) else { throw EvaluationFailure.call("matches", arguments[0], arguments[1]) }
            return .bool(regex.wholeMatch(text) != nil)
        },
        BuiltinFunction(name: "scan", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let regex = RegexValue.of(arguments[1]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("scan", arguments[0], arguments[1])
            }
            return .array(regex.matches(in: text).map(Value.array))
        },
        BuiltinFunction(name: "find", arity: 2...2) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, _): return .array([])
            case (.array(let items), let element):
                return .array(items.indices.filter { Equality.equal(items[$0], element) }.map { .int(Int64($0)) })
            case (.string(let text), .string(let part)):
                guard !part.isEmpty else { return .array([]) }
                let characters = Array(text), wanted = Array(part)
                guard characters.count >= wanted.count else { return .array([]) }
                return .array((0...(characters.count - wanted.count)).filter { Array(characters[$0..<($0 + wanted.count)]) == wanted }.map { .int(Int64($0)) })
            case (.string(let text), _):
                guard let regex = RegexValue.of(arguments[1]) else { throw EvaluationFailure.call("find", arguments[0], arguments[1]) }
                let string = text as NSString
                return .array(regex.expression.matches(in: text, range: NSRange(location: 0, length: string.length)).map { match in
                    .array([.int(Int64(match.range.location)), .int(Int64(match.range.location + match.range.length))])
                })
            default: throw EvaluationFailure.call("find", arguments[0], arguments[1])
            }
        },
        position("indexOf", last: false),
        position("lastIndexOf", last: true),
    ]

    /// `indexOf` / `lastIndexOf` in an array or a string; -1 when absent or null.
    private static func position(_ name: String, last: Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 2...2, modules: [.core, .arrays], functionParameters: []) { (_, arguments) throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, _): return .int(-1)
            case (.array(let items), let element):
                let found = last ? items.lastIndex { Equality.equal($0, element) } : items.firstIndex { Equality.equal($0, element) }
                return .int(Int64(found ?? -1))
            case (.string(let text), .string(let part)):
                guard let range = text.range(of: part, options: last ? .backwards : []) else { return .int(-1) }
                return .int(Int64(text.distance(from: text.startIndex, to: range.lowerBound)))
            default: throw EvaluationFailure.call(name, arguments[0], arguments[1])
            }
        }
    }
}

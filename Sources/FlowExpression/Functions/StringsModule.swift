import Foundation
import FlowCore

/// `dw::core::Strings`: case conversions, substrings, padding, tests and text helpers. Every
/// function gives null for a null string unless its page says otherwise.
enum StringsModule {
    private static func string(_ name: String, _ transform: @escaping @Sendable (String) -> String) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .string(let text): return .string(transform(text))
            case .int, .decimal, .bool: return .string(transform(Coercion.templateText(arguments[0])))
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }

    private static func test(_ name: String, _ predicate: @escaping @Sendable (String) -> Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return false
            case .string(let text): return .bool(predicate(text))
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }

    private static func pair(_ name: String, _ transform: @escaping @Sendable (String, String) -> String) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 2...2, module: .strings) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, _): return .null
            case (.string(let text), .string(let other)): return .string(transform(text, other))
            default: throw EvaluationFailure.call(name, arguments[0], arguments[1])
            }
        }
    }

    /// Splits `customerName`, `customer_name`, `customer-name`, `customer name` into words.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character == "_" || character == "-" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func pad(_ name: String, left: Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 2...3, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call(name, arguments[0], arguments[1])
            }
            guard let size = Selection.integer(arguments[1]) else { throw EvaluationFailure.call(name, arguments[0], arguments[1]) }
            let padding = arguments.count > 2 ? Coercion.templateText(arguments[2]) : " "
            guard !padding.isEmpty, text.count < size else { return .string(text) }
            var fill = ""
            while fill.count < size - text.count { fill += padding }
            fill = String(fill.prefix(size - text.count))
            return .string(left ? fill + text : text + fill)
        }
    }

    static let functions: [BuiltinFunction] = [
        string("capitalize") { text in words(text).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ") },
        string("camelize") { text in
            let parts = text.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
            guard let first = parts.first else { return text }
            return first.prefix(1).lowercased() + first.dropFirst() + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        },
        string("dasherize") { words($0).map { $0.lowercased() }.joined(separator: "-") },
        string("underscore") { words($0).map { $0.lowercased() }.joined(separator: "_") },
        string("reverse") { String($0.reversed()) },
        string("pluralize") { text in
            if text.hasSuffix("y"), let beforeLast = text.dropLast().last, !"aeiou".contains(beforeLast) { return text.dropLast() + "ies" }
            if ["s", "x", "z", "ch", "sh"].contains(where: { text.hasSuffix($0) }) { return text + "es" }
            return text + "s"
        },
        string("singularize") { text in
            if text.hasSuffix("ies") { return text.dropLast(3) + "y" }
            if ["ses", "xes", "zes", "ches", "shes"].contains(where: { text.hasSuffix($0) }) { return String(text.dropLast(2)) }
            return text.hasSuffix("s") ? String(text.dropLast()) : text
        },
        BuiltinFunction(name: "ordinalize", arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            guard let number = Selection.integer(arguments[0]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("ordinalize", arguments[0])
            }
            let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
            return .string("\(number)\(suffix)")
        },
        pair("substringBefore") { text, separator in
            guard !separator.isEmpty, let range = text.range(of: separator) else { return "" }
            return String(text[..<range.lowerBound])
        },
        pair("substringAfter") { text, separator in
            guard !separator.isEmpty else { return String(text.dropFirst()) }
            guard let range = text.range(of: separator) else { return "" }
            return String(text[range.upperBound...])
        },
        pair("substringBeforeLast") { text, separator in
            guard !separator.isEmpty, let range = text.range(of: separator, options: .backwards) else { return "" }
            return String(text[..<range.lowerBound])
        },
        pair("substringAfterLast") { text, separator in
            guard !separator.isEmpty, let range = text.range(of: separator, options: .backwards) else { return "" }
            return String(text[range.upperBound...])
        },
        pair("appendIfMissing") { text, suffix in text.hasSuffix(suffix) ? text : text + suffix },
        pair("prependIfMissing") { text, prefix in text.hasPrefix(prefix) ? text : prefix + text },
        pair("wrapWith") { text, wrapper in wrapper + text + wrapper },
        pair("wrapIfMissing") { text, wrapper in (text.hasPrefix(wrapper) ? "" : wrapper) + text + (text.hasSuffix(wrapper) ? "" : wrapper) },
        pair("unwrap") { text, wrapper in
            guard !wrapper.isEmpty, text.count >= 2 * wrapper.count, text.hasPrefix(wrapper), text.hasSuffix(wrapper) else { return text }
            return String(text.dropFirst(wrapper.count).dropLast(wrapper.count))
        },
        pair("remove") { text, part in part.isEmpty ? text : text.replacingOccurrences(of: part, with: "") },
        BuiltinFunction(name: "replaceAll", arity: 3...3, module: .strings) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1], arguments[2]) {
            case (.null, _, _): return .null
            case (.string(let text), .string(let target), .string(let replacement)):
                return .string(target.isEmpty ? text : text.replacingOccurrences(of: target, with: replacement))
            default: throw EvaluationFailure.call("replaceAll", arguments[0], arguments[1], arguments[2])
            }
        },
        pad("leftPad", left: true),
        pad("rightPad", left: false),
        BuiltinFunction(name: "repeat", arity: 2...2, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let times = Selection.integer(arguments[1]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("repeat", arguments[0], arguments[1])
            }
            return .string(times > 0 ? String(repeating: text, count: times) : "")
        },
        BuiltinFunction(name: "first", arity: 2...2, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let count = Selection.integer(arguments[1]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("first", arguments[0], arguments[1])
            }
            return .string(String(text.prefix(max(count, 0))))
        },
        BuiltinFunction(name: "last", arity: 2...2, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let count = Selection.integer(arguments[1]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("last", arguments[0], arguments[1])
            }
            return .string(String(text.suffix(max(count, 0))))
        },
        BuiltinFunction(name: "substring", arity: 3...3, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let from = Selection.integer(arguments[1]), let until = Selection.integer(arguments[2]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("substring", arguments[0], arguments[1], arguments[2])
            }
            let characters = Array(text)
            let start = min(max(from, 0), characters.count), end = min(max(until, start), characters.count)
            return .string(String(characters[start..<end]))
        },
        BuiltinFunction(name: "withMaxSize", arity: 2...2, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let size = Selection.integer(arguments[1]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("withMaxSize", arguments[0], arguments[1])
            }
            return .string(String(text.prefix(max(size, 0))))
        },
        BuiltinFunction(name: "words", arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("words", arguments[0])
            }
            return .array(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
        },
        BuiltinFunction(name: "lines", arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("lines", arguments[0])
            }
            return .array(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { .string(String($0)) })
        },
        BuiltinFunction(name: "charCode", arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let first = text.utf16.first else { throw EvaluationFailure.call("charCode", arguments[0]) }
            return .int(Int64(first))
        },
        BuiltinFunction(name: "charCodeAt", arity: 2...2, module: .strings) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0], let index = Selection.integer(arguments[1]), index >= 0, index < text.utf16.count else {
                throw EvaluationFailure.call("charCodeAt", arguments[0], arguments[1])
            }
            return .int(Int64(Array(text.utf16)[index]))
        },
        BuiltinFunction(name: "fromCharCode", arity: 1...1, module: .strings) { arguments throws(EvaluationFailure) in
            guard let code = Selection.integer(arguments[0]), let scalar = Unicode.Scalar(code) else { throw EvaluationFailure.call("fromCharCode", arguments[0]) }
            return .string(String(Character(scalar)))
        },
        test("isNumeric") { !$0.isEmpty && $0.allSatisfy(\.isNumber) },
        test("isAlpha") { !$0.isEmpty && $0.allSatisfy(\.isLetter) },
        test("isAlphanumeric") { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } },
        test("isWhitespace") { $0.allSatisfy(\.isWhitespace) },
        test("isUpperCase") { !$0.isEmpty && $0.allSatisfy { !$0.isLetter || $0.isUppercase } && $0.contains(where: \.isLetter) },
        test("isLowerCase") { !$0.isEmpty && $0.allSatisfy { !$0.isLetter || $0.isLowercase } && $0.contains(where: \.isLetter) },
    ]
}

import Foundation
import FlowCore

/// The DataWeave library by name: `dw::Core` and the `dw::core::Strings`, `Arrays`, `Objects`,
/// `Binaries`, `Dates` and `URL`, `dw::Crypto`, `dw::util::Coercions` and `dw::Runtime` modules. Null arguments follow DataWeave 2.4's null overloads: `sizeOf(null)`, `upper(null)`,
/// … give null; `isEmpty(null)` is true; `contains(null, x)`, `startsWith(null, x)` are false.
enum Builtins {
    /// Every library function by name; where modules share a name (`fromHex` in
    /// `dw::core::Binaries` and `dw::core::Numbers`), the first one declared. Resolve names a
    /// script writes with ``resolve(_:imports:)`` and ``function(_:in:)``.
    static let all: [String: BuiltinFunction] = overloads.compactMapValues(\.first)

    /// Every library function by name, all modules' functions of one name in declaration order.
    static let overloads: [String: [BuiltinFunction]] = {
        var table: [String: [BuiltinFunction]] = [:]
        for function in functions + CollectionFunctions.functions + TextFunctions.functions + NumberFunctions.functions
            + SystemFunctions.functions + StringsModule.functions + ArraysModule.functions + ObjectsModule.functions
            + BinariesModule.functions + NumbersModule.functions + CryptoModule.functions + URLModule.functions + DatesModule.functions
            + CoercionsModule.functions + RuntimeModule.functions {
            table[function.name, default: []].append(function)
        }
        return table
    }()

    /// The function `name` of `module` (`Numbers::toHex`).
    static func function(_ name: String, in module: LibraryModule) -> BuiltinFunction? {
        overloads[name]?.first { $0.modules.contains(module) }
    }

    /// What `name`, written without a module, calls in a script that imports `imports`.
    static func resolve(_ name: String, imports: Imports) -> FunctionResolution {
        guard let candidates = overloads[name], let first = candidates.first else { return .unknown }
        let available = candidates.filter { imports.isAvailable($0) }
        switch available.count {
        case 0: return .notImported(first)
        case 1: return .function(available[0])
        default:
            // A name imported on its own wins over the same name brought in by a wildcard.
            let named = available.filter { function in function.modules.contains { imports.functions[name]?.contains($0) == true } }
            if named.count == 1 { return .function(named[0]) }
            return .ambiguous(available.compactMap { $0.modules.first { $0 != .core } })
        }
    }

    private static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "sizeOf", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .array(let items): return .int(Int64(items.count))
            case .object(let object): return .int(Int64(object.count))
            case .string(let text): return .int(Int64(text.count))
            case .null: return .null
            case .temporal(let period) where period.kind == .period: return .int(Int64(period.day))
            default: throw EvaluationFailure.call("sizeOf", arguments[0])
            }
        },
        BuiltinFunction(name: "isEmpty", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .array(let items): return .bool(items.isEmpty)
            case .object(let object): return .bool(object.isEmpty)
            case .string(let text): return .bool(text.isEmpty)
            case .null: return true
            default: throw EvaluationFailure.call("isEmpty", arguments[0])
            }
        },
        BuiltinFunction(name: "isBlank", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .string(let text): return .bool(text.allSatisfy(\.isWhitespace))
            case .null: return true
            default: throw EvaluationFailure.call("isBlank", arguments[0])
            }
        },
        text("upper") { $0.uppercased() },
        text("lower") { $0.lowercased() },
        text("trim") { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
        affix("startsWith") { $0.hasPrefix($1) },
        affix("endsWith") { $0.hasSuffix($1) },
        BuiltinFunction(name: "joinBy", arity: 2...2) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, _): return .null
            case (.array(let items), .string(let separator)):
                var parts: [String] = []
                for item in items {
                    do throws(EvaluationFailure) {
                        parts.append(try Coercion.toString(item))
                    } catch {
                        throw EvaluationFailure.call("joinBy", arguments[0], arguments[1])
                    }
                }
                return .string(parts.joined(separator: separator))
            default: throw EvaluationFailure.call("joinBy", arguments[0], arguments[1])
            }
        },
        BuiltinFunction(name: "uuid", arity: 0...0) { _ throws(EvaluationFailure) in
            .string(RandomUUID.string())
        },
        BuiltinFunction(name: "abs", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .int(let number):
                return number == .min ? .decimal(Decimal(number).magnitude) : .int(Swift.abs(number))
            case .decimal(let number): return .decimal(number.magnitude)
            case .double(let number): return .double(Swift.abs(number))
            default: throw EvaluationFailure.call("abs", arguments[0])
            }
        },
        rounding("round", .plain),
        rounding("floor", .down),
        rounding("ceil", .up),
        extreme("max", wants: 1),
        extreme("min", wants: -1),
        BuiltinFunction(name: "keysOf", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .object(let object): return .array(object.keys.map(Value.string))
            case .null: return .null
            default: throw EvaluationFailure.call("keysOf", arguments[0])
            }
        },
        BuiltinFunction(name: "valuesOf", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .object(let object): return .array(object.values)
            case .null: return .null
            default: throw EvaluationFailure.call("valuesOf", arguments[0])
            }
        },
    ]

    /// A String → String function; numbers and booleans are read as text, null gives null.
    static func text(_ name: String, _ transform: @escaping @Sendable (String) -> String) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .string(let value): return .string(transform(value))
            case .int, .decimal, .bool: return .string(transform(Coercion.templateText(arguments[0])))
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }

    static func affix(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 2...2) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, _): return false
            case (.string(let text), .string(let part)): return .bool(test(text, part))
            default: throw EvaluationFailure.call(name, arguments[0], arguments[1])
            }
        }
    }

    private static func rounding(_ name: String, _ mode: NSDecimalNumber.RoundingMode) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .int: return arguments[0]
            case .double(let number):
                let rounded = mode == .down ? number.rounded(.down) : mode == .up ? number.rounded(.up) : number.rounded(.toNearestOrAwayFromZero)
                return Int64(exactly: rounded).map(Value.int) ?? .double(rounded)
            case .decimal(var number):
                var rounded = Decimal()
                NSDecimalRound(&rounded, &number, 0, mode)
                return Int64(DecimalFormatting.plainText(rounded)).map(Value.int) ?? .decimal(rounded)
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }

    /// `max` / `min` of an array of numbers, strings or booleans; null for an empty array.
    private static func extreme(_ name: String, wants sign: Int) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .array(let items):
                guard var best = items.first else { return .null }
                for item in items.dropFirst() {
                    switch (best, item) {
                    case (.int, .int), (.int, .decimal), (.decimal, .int), (.decimal, .decimal), (.double, .int), (.double, .decimal),
                         (.int, .double), (.decimal, .double), (.double, .double), (.string, .string), (.bool, .bool), (.temporal, .temporal):
                        if Equality.sortOrder(item, best) * sign > 0 { best = item }
                    default: throw EvaluationFailure.call(name, arguments[0])
                    }
                }
                return best
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }
}

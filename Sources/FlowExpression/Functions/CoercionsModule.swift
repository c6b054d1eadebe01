import FlowCore
import Foundation

/// `dw::util::Coercions` (DataWeave 2.4): the `as` coercions as functions — `toBoolean`,
/// `toNumber`, `toString`, `toDate`, `toDateTime`, `toLocalDateTime`, `toLocalTime`, `toTime`,
/// `toTimeZone`, `toPeriod`, `toRegex` (an optional second argument is the `format`), plus
/// `toBinary(text, encoding)` and `toArray(text)` (its characters).
enum CoercionsModule {
    static let functions: [BuiltinFunction] = [
        coercion("toBoolean", to: .boolean),
        coercion("toNumber", to: .number),
        coercion("toString", to: .string),
        coercion("toDate", to: .date),
        coercion("toDateTime", to: .dateTime),
        coercion("toLocalDateTime", to: .localDateTime),
        coercion("toLocalTime", to: .localTime),
        coercion("toTime", to: .time),
        coercion("toPeriod", to: .period),
        coercion("toRegex", to: .regex),
        BuiltinFunction(name: "toTimeZone", arity: 1...1, module: .coercions) { arguments throws(EvaluationFailure) in
            guard case .string(let name) = arguments[0] else { throw EvaluationFailure.call("toTimeZone", arguments[0]) }
            // A region's offset today: TimeZone values here are offsets.
            let now = Int64(Date().timeIntervalSince1970)
            guard let offset = NamedTimeZone.offset(of: name, at: now) else { throw EvaluationFailure.coercion(arguments[0], to: "TimeZone") }
            return .temporal(Temporal(kind: .timeZone, offset: offset))
        },
        BuiltinFunction(name: "toBinary", arity: 2...2, module: .coercions) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else { throw EvaluationFailure.call("toBinary", arguments[0], arguments[1]) }
            return .binary(try TextCharset.encode(text, charset: try Coercion.toString(arguments[1])))
        },
        BuiltinFunction(name: "toArray", arity: 1...1, module: .coercions) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else { throw EvaluationFailure.call("toArray", arguments[0]) }
            return .array(text.map { .string(String($0)) })
        },
    ]

    /// `name(value)` or `name(value, format)`: `value as type {format: format}`.
    private static func coercion(_ name: String, to type: TypeName) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...2, module: .coercions) { arguments throws(EvaluationFailure) in
            var properties: ValueObject?
            if arguments.count == 2 {
                switch arguments[1] {
                case .null: break
                case .string: properties = ValueObject([("format", arguments[1])])
                default: throw EvaluationFailure.call(name, arguments[0], arguments[1])
                }
            }
            return try Coercion.coerce(arguments[0], to: type, properties: properties)
        }
    }
}

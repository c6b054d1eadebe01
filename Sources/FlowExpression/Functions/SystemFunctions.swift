import Foundation
import FlowCore
import FlowFormats

/// `dw::Core`'s functions about time, types, formats and logging: `now`, `typeOf`, `log`,
/// `read`, `write`, `daysBetween`, `isLeapYear`.
enum SystemFunctions {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "now", arity: 0...0) { _ throws(EvaluationFailure) in
            let interval = Date().timeIntervalSince1970
            let seconds = Int64(interval.rounded(.down))
            let micros = Int32(((interval - Double(seconds)) * 1_000_000).rounded(.down))
            let (days, second) = Coercion.floorDivide(seconds, 86_400)
            return .temporal(Temporal(kind: .dateTime, day: Int32(days), second: Int32(second), nanosecond: micros * 1000))
        },
        BuiltinFunction(name: "typeOf", arity: 1...1) { arguments throws(EvaluationFailure) in
            .string(arguments[0].typeName)
        },
        BuiltinFunction(name: "log", arity: 1...2, functionParameters: []) { (frame, arguments) throws(EvaluationFailure) in
            let value = arguments[arguments.count - 1]
            if let log = frame.context.log {
                // A value computed after reading a secure property may be the secret itself.
                let readSecret = frame.propertyKeysRead.contains { frame.context.isSecretProperty($0) }
                let shown = readSecret ? "****" : (value.stringValue.map { JSON.encode(.string($0)) } ?? Coercion.templateText(value))
                log(arguments.count == 2 ? "\(Coercion.templateText(arguments[0])) - \(shown)" : shown)
            }
            return value
        },
        BuiltinFunction(name: "read", arity: 1...3) { arguments throws(EvaluationFailure) in
            let mediaType = OutputDirective.mediaType(for: arguments.count > 1 ? try Coercion.toString(arguments[1]) : "application/dw")
            let properties = try formatProperties(arguments.count > 2 ? arguments[2] : .null, for: "read")
            if mediaType == "application/octet-stream" {
                // Bytes of no format: a Binary.
                if arguments[0].isNull { return .null }
                return .binary(try Coercion.toBinary(arguments[0]))
            }
            guard case .string(let text) = arguments[0] else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("read", arguments[0], arguments.count > 1 ? arguments[1] : .string(mediaType))
            }
            if OutputDirective.valueTypes.contains(mediaType) {
                throw EvaluationFailure("Cannot read \(mediaType): Conduit reads \(DataFormats.all.map(\.mediaType).joined(separator: ", "))")
            }
            guard let format = DataFormats.format(for: mediaType) else {
                throw EvaluationFailure("Unknown MIME type '\(mediaType)'; Conduit reads \(DataFormats.all.map(\.mediaType).joined(separator: ", "))")
            }
            do throws(FormatError) {
                return try format.read(text, properties: properties)
            } catch {
                throw EvaluationFailure("Cannot read \(mediaType): \(error.description)")
            }
        },
        BuiltinFunction(name: "write", arity: 1...3) { arguments throws(EvaluationFailure) in
            let mediaType = OutputDirective.mediaType(for: arguments.count > 1 ? try Coercion.toString(arguments[1]) : "application/dw")
            let properties = try formatProperties(arguments.count > 2 ? arguments[2] : .null, for: "write")
            if mediaType == "application/java" { return arguments[0] }
            if mediaType == "application/dw" { return .string(DataWeaveWriter.write(arguments[0])) }
            guard let format = DataFormats.format(for: mediaType) else {
                throw EvaluationFailure("Unknown MIME type '\(mediaType)'; Conduit writes \(DataFormats.all.map(\.mediaType).joined(separator: ", "))")
            }
            do throws(FormatError) {
                return .string(try format.writeText(arguments[0], properties: properties))
            } catch {
                throw EvaluationFailure("Cannot write \(mediaType): \(error.description)")
            }
        },
        BuiltinFunction(name: "daysBetween", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard case .temporal(let a) = arguments[0], case .temporal(let b) = arguments[1], a.kind.hasDate, b.kind.hasDate else {
                throw EvaluationFailure.call("daysBetween", arguments[0], arguments[1])
            }
            return .int(Int64(b.day) - Int64(a.day))
        },
        BuiltinFunction(name: "isLeapYear", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard case .temporal(let date) = arguments[0], date.kind.hasDate else { throw EvaluationFailure.call("isLeapYear", arguments[0]) }
            return .bool(Temporal.isLeapYear(date.civil.year))
        },
    ]

    /// The properties object of `read`/`write` (`{separator: ";"}`).
    static func formatProperties(_ value: Value, for name: String) throws(EvaluationFailure) -> FormatProperties {
        switch value {
        case .null: return FormatProperties()
        case .object(let object):
            var values: [String: Value] = [:]
            for entry in object.entries { values[entry.key] = entry.value }
            return FormatProperties(values)
        default: throw EvaluationFailure("The properties of '\(name)' must be an Object, got \(ValueDescription.of(value))")
        }
    }
}

import Foundation
import FlowCore

/// DataWeave's selectors: on null they give null; on an array `.key` maps over the objects in it.
enum Selection {
    /// `.key`: the first value named `key` of an object; on an array, the values of `key` in its
    /// objects (nested arrays are searched too, objects without the key are skipped).
    @inline(__always)
    static func key(_ value: Value, _ key: String) throws(EvaluationFailure) -> Value {
        switch value {
        case .object(let object): return object[key] ?? .null
        case .null: return .null
        case .array(let items):
            var found: [Value] = []
            collectKey(key, in: items, into: &found)
            return .array(found)
        case .temporal(let temporal):
            guard let part = TemporalArithmetic.part(temporal, key) else {
                throw EvaluationFailure("\(temporal.kind.typeName) has no field '\(key)'")
            }
            return part
        default: throw unsupported(".\(key)", on: value)
        }
    }

    private static func collectKey(_ key: String, in items: ValueArray, into found: inout [Value]) {
        for item in items {
            switch item {
            case .object(let object): if let value = object[key] { found.append(value) }
            case .array(let nested): collectKey(key, in: nested, into: &found)
            default: continue
            }
        }
    }

    /// `.*key`: every value named `key`; null when an object has none.
    static func multiKey(_ value: Value, _ key: String) throws(EvaluationFailure) -> Value {
        switch value {
        case .object(let object):
            let values = object.entries.lazy.filter { $0.key == key }.map(\.value)
            return values.isEmpty ? .null : .array(Array(values))
        case .null: return .null
        case .array(let items):
            var found: [Value] = []
            for case .object(let object) in items {
                for entry in object.entries where entry.key == key { found.append(entry.value) }
            }
            return .array(found)
        default: throw unsupported(".*\(key)", on: value)
        }
    }

    /// `..key`: the values named `key` at any depth, in document order.
    static func descendants(_ value: Value, _ key: String) throws(EvaluationFailure) -> Value {
        switch value {
        case .null: return .null
        case .object, .array:
            var found: [Value] = []
            collectDescendants(key, in: value, into: &found)
            return .array(found)
        default: throw unsupported("..\(key)", on: value)
        }
    }

    private static func collectDescendants(_ key: String, in value: Value, into found: inout [Value]) {
        switch value {
        case .object(let object):
            for entry in object.entries {
                if entry.key == key { found.append(entry.value) }
                collectDescendants(key, in: entry.value, into: &found)
            }
        case .array(let items):
            for item in items { collectDescendants(key, in: item, into: &found) }
        default: return
        }
    }

    /// `[selector]`: a number indexes (negative counts from the end, out of range gives null),
    /// a string selects a key.
    static func index(_ value: Value, _ selector: Value) throws(EvaluationFailure) -> Value {
        if case .string(let name) = selector { return try key(value, name) }
        guard let position = integer(selector) else {
            if value.isNull { return .null }
            throw EvaluationFailure("Cannot select with \(ValueDescription.of(selector)), an index must be a whole Number or a String")
        }
        switch value {
        case .null: return .null
        case .array(let items):
            guard let offset = resolve(position, count: items.count) else { return .null }
            return items[offset]
        case .string(let text):
            let characters = Array(text)
            guard let offset = resolve(position, count: characters.count) else { return .null }
            return .string(String(characters[offset]))
        case .object(let object):
            guard let offset = resolve(position, count: object.count) else { return .null }
            return object.entries[offset].value
        default: throw unsupported("[\(position)]", on: value)
        }
    }

    /// `[from to to]`: the inclusive range, reversed when `from` is after `to`; null when out of range.
    static func range(_ value: Value, _ from: Value, _ to: Value) throws(EvaluationFailure) -> Value {
        guard let start = integer(from), let end = integer(to) else {
            throw EvaluationFailure("A range needs whole Numbers, got \(ValueDescription.of(from)) to \(ValueDescription.of(to))")
        }
        func slice<T>(_ items: [T]) -> [T]? {
            guard let a = resolve(start, count: items.count), let b = resolve(end, count: items.count) else { return nil }
            return a <= b ? Array(items[a...b]) : Array(items[b...a].reversed())
        }
        switch value {
        case .null: return .null
        case .array(let items): return slice(items.values).map { .array($0) } ?? .null
        case .string(let text): return slice(Array(text)).map { .string(String($0)) } ?? .null
        default: throw unsupported("[\(start) to \(end)]", on: value)
        }
    }

    /// Whether `.key?` finds the key.
    static func hasKey(_ value: Value, _ key: String) -> Bool {
        switch value {
        case .object(let object): return object[key] != nil
        case .array(let items):
            return items.contains { item in
                if case .object(let object) = item { return object[key] != nil }
                return false
            }
        default: return false
        }
    }

    static func integer(_ value: Value) -> Int? {
        switch value {
        case .int(let number): return Int(exactly: number)
        case .decimal(let number):
            guard let whole = Int64(exactly: NSDecimalNumber(decimal: number).doubleValue),
                  Decimal(whole) == number else { return nil }
            return Int(exactly: whole)
        case .double(let number):
            return Int(exactly: number)
        default: return nil
        }
    }

    private static func resolve(_ position: Int, count: Int) -> Int? {
        // Compare before adding so that Int.min cannot overflow.
        if position < 0 { return position >= -count ? count + position : nil }
        return position < count ? position : nil
    }

    private static func unsupported(_ selector: String, on value: Value) -> EvaluationFailure {
        EvaluationFailure("Cannot use the selector '\(selector)' on \(ValueDescription.of(value)), it needs an Object or an Array")
    }
}

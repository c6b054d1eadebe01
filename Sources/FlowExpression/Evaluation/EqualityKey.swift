import FlowCore
import Foundation

/// A value that hashes and compares as ``Equality/equal(_:_:)`` does (`1 == 1.0`, objects in any
/// key order), so `distinctBy` can find a key it has seen in a set instead of comparing it with
/// every earlier key: request data must not make an expression quadratic.
struct EqualityKey: Hashable {
    let value: Value

    static func == (lhs: EqualityKey, rhs: EqualityKey) -> Bool {
        Equality.equal(lhs.value, rhs.value)
    }

    func hash(into hasher: inout Hasher) {
        Self.combine(value, into: &hasher)
    }

    private static func combine(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .null:
            hasher.combine(0)
        case .bool(let flag):
            hasher.combine(1)
            hasher.combine(flag)
        case .int(let number):
            // Integers and decimals that are equal must hash alike: both as the nearest Double,
            // the rule Foundation's own Decimal hashing follows.
            hasher.combine(2)
            hasher.combine(Double(number))
        case .decimal(let number):
            hasher.combine(2)
            hasher.combine(NSDecimalNumber(decimal: number).doubleValue)
        case .double(let number):
            hasher.combine(2)
            hasher.combine(number)
        case .temporal(let temporal):
            hasher.combine(6)
            hasher.combine(TemporalArithmetic.instantSeconds(temporal))
        case .opaque(let opaque):
            hasher.combine(7)
            hasher.combine(opaque)
        case .string(let text):
            hasher.combine(3)
            hasher.combine(text)
        case .array(let items):
            hasher.combine(4)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case .object(let object):
            // Key order does not matter to equality, and duplicate keys make a finer hash
            // inconsistent with it; the entry count is enough to spread typical keys.
            hasher.combine(5)
            hasher.combine(object.count)
        }
    }
}

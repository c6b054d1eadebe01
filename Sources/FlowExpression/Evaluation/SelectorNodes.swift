import FlowCore
import FlowFormats
import Synchronization

/// A chain of `.key` selectors (`payload.project.address.city`): the fast path for the
/// expressions connector parameters are made of.
final class KeyPathNode: Node {
    let target: any Node
    let keys: [String]
    /// Where each key's selector is written, to locate a failure (selecting from a String).
    let offsets: [Int]

    /// Whether the path starts from `payload`, whose members can be selected from JSON bytes
    /// not yet read (``TypedValue/member(at:)``).
    let selectsFromPayload: Bool
    /// The lambda slot the path starts from (`$.id`), read in place instead of copied.
    private let slot: Int?
    /// The first key, kept apart for the slot's fast path.
    private let firstKey: LookupKey
    /// Where the first key was last found in the slot's object: rows of one shape (a CSV's, a
    /// `map`'s) have it at the same position, found there without a scan.
    private let firstKeyHint = Atomic<Int>(0)

    init(target: any Node, keys: [String], offsets: [Int] = []) {
        self.target = target
        self.keys = keys
        self.offsets = offsets
        slot = keys.isEmpty ? nil : (target as? SlotNode)?.slot
        selectsFromPayload = !keys.isEmpty && (target as? ContextNode)?.name == .payload
        firstKey = LookupKey(keys.first ?? "")
    }

    /// Whether the path is one key on a lambda slot (`$.id`), the shape ``slotMember(in:)`` reads.
    var isSlotMember: Bool { slot != nil && keys.count == 1 }

    /// The value of `$.key` when the path is one key on a slot that holds an object (null when
    /// the key is absent); nil when it is not, and ``evaluate(_:)`` must decide (a String in the
    /// slot fails, null gives null). Never fails, so callers need no error path around it.
    @inline(__always)
    func slotMember(in frame: Frame) -> Value? {
        guard isSlotMember, let slot else { return nil }
        return firstMember(ofSlot: slot, in: frame)
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var current: Value
        var start = 0
        // `$.key` in a `map` over rows: the row is looked into where it lies, so selecting a
        // field retains the field alone, not the row and then the field.
        if let slot, let first = firstMember(ofSlot: slot, in: frame) {
            if keys.count == 1 { return first }
            current = first
            start = 1
        } else if selectsFromPayload, let selected = frame.context.payload.member(at: keys) {
            return selected
        } else {
            current = try target.evaluate(&frame)
        }
        for index in start..<keys.count {
            let key = keys[index]
            switch current {
            case .object: current = current.selectingMember(key) ?? .null
            case .null: return .null
            default:
                do {
                    current = try Selection.key(current, key)
                } catch {
                    throw index < offsets.count ? error.located(at: offsets[index]) : error
                }
            }
        }
        return current
    }

    /// The slot's value's first key (null when absent), looked for first where it was found
    /// last time; nil when the slot does not hold an object.
    @inline(__always)
    private func firstMember(ofSlot slot: Int, in frame: Frame) -> Value? {
        let lastFound = firstKeyHint.load(ordering: .relaxed)
        var hint = lastFound
        // Read at its address, where it lies: `slots[slot]` would copy the row (a retain and a
        // release per field selected).
        let first = frame.slots.withUnsafeBufferPointer { Value.selectingMember(of: $0.baseAddress! + slot, firstKey, hint: &hint) }
        // Written only when it moves, so that threads running the same script do not contend
        // for the hint's cache line on every row.
        if hint != lastFound { firstKeyHint.store(hint, ordering: .relaxed) }
        return first
    }
}

/// Any other selector applied to a value.
final class SelectorNode: Node {
    enum Selector {
        case multiKey(String)
        case descendants(String)
        case index(any Node)
        case range(any Node, any Node)
        /// `[?(condition)]`, with `$` bound to each element.
        case filter(Lambda)
    }

    let target: any Node
    let selector: Selector
    /// Where the selector is written.
    let offset: Int?

    init(target: any Node, selector: Selector, offset: Int? = nil) {
        self.target = target
        self.selector = selector
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try target.evaluate(&frame)
        do {
            return try select(value, &frame)
        } catch {
            guard let offset else { throw error }
            throw error.located(at: offset)
        }
    }

    private func select(_ value: Value, _ frame: inout Frame) throws(EvaluationFailure) -> Value {
        switch selector {
        case .multiKey(let key): return try Selection.multiKey(value, key)
        case .descendants(let key): return try Selection.descendants(value, key)
        case .index(let node): return try Selection.index(value, try node.evaluate(&frame))
        case .range(let from, let to): return try Selection.range(value, try from.evaluate(&frame), try to.evaluate(&frame))
        case .filter(let lambda):
            switch value {
            case .null: return .null
            case .array(let items):
                var kept: [Value] = []
                for (offset, item) in items.enumerated()
                where try Conditions.truth(try lambda.call(&frame, item, .int(Int64(offset))), for: "[?( )]") {
                    kept.append(item)
                }
                return .array(kept)
            case .object(let object):
                var kept = ValueObject()
                for entry in object.entries
                where try Conditions.truth(try lambda.call(&frame, entry.value, .string(entry.key)), for: "[?( )]") {
                    kept.append(entry.key, entry.value)
                }
                return .object(kept)
            default:
                throw EvaluationFailure("Cannot use the selector '[?( )]' on \(ValueDescription.of(value)), it needs an Object or an Array")
            }
        }
    }
}

/// `target.key?`: whether the key is there (even with a null value). Other selectors followed by
/// `?` test that they select something other than null.
final class PresenceNode: Node {
    let target: any Node
    let key: String?

    init(target: any Node, key: String?) {
        self.target = target
        self.key = key
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try target.evaluate(&frame)
        if let key { return .bool(Selection.hasKey(value, key)) }
        return .bool(!value.isNull)
    }
}

/// `target.key!`: the value of `key`, failing when `target` has no such key (a null value is
/// there; a missing key is not). On null the selection is null, as every selector's is.
final class RequiredKeyNode: Node {
    let target: any Node
    let key: String
    let offset: Int

    init(target: any Node, key: String, offset: Int) {
        self.target = target
        self.key = key
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try target.evaluate(&frame)
        if value.isNull { return .null }
        guard Selection.hasKey(value, key) else {
            throw EvaluationFailure("There is no key named '\(key)' (the selector '\(key)!' asserts it is present)", offset: offset)
        }
        return try Selection.key(value, key)
    }
}

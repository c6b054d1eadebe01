import FlowCore
import FlowFormats

/// A value known at compile time.
final class ConstantNode: Node {
    let value: Value
    init(_ value: Value) { self.value = value }
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value { value }
}

/// One of the names Mule puts in scope: `payload`, `attributes`, `vars`, `error`, …
final class ContextNode: Node {
    enum Name: String, CaseIterable {
        case payload, attributes, vars, error, correlationId, flow, app, message, authentication
    }

    let name: Name
    init(_ name: Name) { self.name = name }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let context = frame.context
        switch name {
        case .payload: return try Self.read(context.payload)
        case .attributes: return context.attributes
        case .vars: return .object(context.vars)
        case .error: return context.error ?? .null
        case .correlationId: return .string(context.correlationId)
        case .authentication: return context.authentication
        case .flow: return .object(ValueObject([("name", .string(context.flowName))]))
        case .app: return .object(ValueObject([("name", .string(context.appName))]))
        case .message:
            return .object(ValueObject([("payload", try Self.read(context.payload)), ("attributes", context.attributes)]))
        }
    }

    /// The payload's value; bytes that do not read as their media type fail the expression with
    /// the reader's located message.
    private static func read(_ payload: TypedValue) throws(EvaluationFailure) -> Value {
        do {
            return try payload.value
        } catch {
            throw EvaluationFailure(unreadableContent: error)
        }
    }
}

/// A lambda parameter, `$` or `$$`.
final class SlotNode: Node {
    let slot: Int
    init(slot: Int) { self.slot = slot }
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value { frame.slots[slot] }
}

/// `[a, b, c]`.
final class ArrayNode: Node {
    let elements: [any Node]
    init(_ elements: [any Node]) { self.elements = elements }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.evaluate(&frame)) }
        return .array(values)
    }
}

/// `[a, (b) if condition, c]`: an array whose elements may be left out.
final class ConditionalArrayNode: Node {
    let elements: [(value: any Node, condition: (any Node)?)]
    init(_ elements: [(value: any Node, condition: (any Node)?)]) { self.elements = elements }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            if let condition = element.condition, !(try Conditions.truth(try condition.evaluate(&frame), for: "if")) { continue }
            values.append(try element.value.evaluate(&frame))
        }
        return .array(values)
    }
}

/// `{a: 1, "b-c": x}` where every key is written out: the common, fast case.
final class StaticObjectNode: Node {
    let keys: [String]
    let values: [any Node]
    /// For each value, its `$.key` node when it is one (the fields of a `map` over rows), read
    /// without retaining it; `values` keeps it alive.
    private let slotMembers: [Unmanaged<KeyPathNode>?]
    /// Whether no key is written twice, so that the objects made are marked as having distinct
    /// keys (lookups in them may use a position hint).
    private let keysAreDistinct: Bool

    init(keys: [String], values: [any Node]) {
        self.keys = keys
        self.values = values
        slotMembers = values.map { node in
            (node as? KeyPathNode).flatMap { $0.isSlotMember ? .passUnretained($0) : nil }
        }
        keysAreDistinct = ValueObject.keysAreDistinct(keys)
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var entries: [ValueObject.Entry] = []
        entries.reserveCapacity(keys.count)
        for index in keys.indices {
            // Calling a node held in an array retains and releases it around the call, an
            // atomic pair on a line every thread shares; a `map` over 10,000 rows of ten `$.key`
            // fields paid 200,000 of them.
            let value: Value
            if let member = slotMembers[index], let selected = member._withUnsafeGuaranteedRef({ $0.slotMember(in: frame) }) {
                value = selected
            } else {
                value = try values[index].evaluate(&frame)
            }
            entries.append(ValueObject.Entry(key: keys[index], value: consume value))
        }
        return .object(ValueObject(entries: entries, keysAreDistinct: keysAreDistinct))
    }
}

/// An object with computed keys `(expr): v`, interpolated keys, or spread members `(expr)`.
final class DynamicObjectNode: Node {
    indirect enum Member: Sendable {
        case entry(key: any Node, value: any Node)
        /// `prefix#key @(attr: value): value`: a key with an XML namespace and attributes.
        case qualified(key: any Node, namespace: KeyNamespace?, attributes: (any Node)?, value: any Node)
        /// `(expr)` without a key: the object (or the objects of the array) it yields are merged in.
        case spread(any Node)
        /// `(member) if condition`.
        case conditional(Member, any Node)
    }

    let members: [Member]
    init(_ members: [Member]) { self.members = members }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var object = ValueObject()
        object.reserveCapacity(members.count)
        for member in members { try add(member, to: &object, &frame) }
        return .object(object)
    }

    private func add(_ member: Member, to object: inout ValueObject, _ frame: inout Frame) throws(EvaluationFailure) {
        switch member {
        case .entry(let keyNode, let valueNode):
            let key = try keyNode.evaluate(&frame)
            guard case .string(let name) = key else {
                switch key {
                case .int, .decimal, .bool, .double, .temporal:
                    object.append(Coercion.templateText(key), try valueNode.evaluate(&frame))
                    return
                default:
                    throw EvaluationFailure("An object key must be a String, got \(ValueDescription.of(key))")
                }
            }
            object.append(name, try valueNode.evaluate(&frame))
        case .qualified(let keyNode, let namespace, let attributesNode, let valueNode):
            let key = try keyNode.evaluate(&frame)
            guard case .string(let name) = key else {
                throw EvaluationFailure("An object key must be a String, got \(ValueDescription.of(key))")
            }
            var details = KeyDetails(namespace: namespace)
            if let attributesNode {
                switch try attributesNode.evaluate(&frame) {
                case .object(let attributes): details.attributes = attributes
                case .null: break
                case let other: throw EvaluationFailure("Attributes must be an Object, got \(ValueDescription.of(other))")
                }
            }
            object.append(name, try valueNode.evaluate(&frame), details: details)
        case .spread(let node):
            try merge(try node.evaluate(&frame), into: &object)
        case .conditional(let inner, let condition):
            if try Conditions.truth(try condition.evaluate(&frame), for: "if") { try add(inner, to: &object, &frame) }
        }
    }

    private func merge(_ value: Value, into object: inout ValueObject) throws(EvaluationFailure) {
        switch value {
        case .null: return
        case .object(let other): for entry in other.entries { object.append(entry.key, entry.value, details: entry.details) }
        case .array(let items): for item in items { try merge(item, into: &object) }
        default: throw EvaluationFailure("Only an Object or an Array of Objects can be merged into an object, got \(ValueDescription.of(value))")
        }
    }
}

/// A string literal with `$(…)` interpolations, or a Mule template mixing text and `#[…]`.
final class StringTemplateNode: Node {
    enum Part {
        case text(String)
        case value(any Node)
    }

    let parts: [Part]
    init(_ parts: [Part]) { self.parts = parts }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .value(let node): result += Coercion.templateText(try node.evaluate(&frame))
            }
        }
        return .string(result)
    }
}

/// `p('key')` and `Mule::p('key')`: a configuration property as a string, or null when unknown.
final class PropertyNode: Node {
    let key: any Node
    init(key: any Node) { self.key = key }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let key = try key.evaluate(&frame)
        guard case .string(let name) = key else { throw EvaluationFailure.call("p", key) }
        frame.propertyKeysRead.append(name)
        return frame.context.property(name).map(Value.string) ?? .null
    }
}

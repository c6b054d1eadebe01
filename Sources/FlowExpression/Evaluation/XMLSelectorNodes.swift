import FlowCore

/// `.@name` and `.@`: the attributes of a key, which belong to the key in its parent object
/// (`<title lang="en">Dune</title>` reads as `{title: "Dune"}` with `lang` on the key `title`).
/// On an array of objects they are collected from each, like `.key`. An attribute that is not
/// there, or a selection with no key to read them from, gives null.
final class AttributeSelectorNode: Node {
    /// Which keys the attributes are read from.
    enum Source {
        /// `parent.key.@…`: the first key named `key`.
        case key(any Node, String)
        /// `parent.*key.@…`: every key named `key`, an array.
        case multiKey(any Node, String)
        /// `parent.prefix#name.@…`: the first key `name` in the namespace `uri`.
        case qualified(any Node, uri: String, name: String)
        /// A value reached otherwise: it has no key.
        case value(any Node)
    }

    let source: Source
    /// The attribute's name, or nil for all of them as an object.
    let attribute: String?

    init(_ source: Source, attribute: String?) {
        self.source = source
        self.attribute = attribute
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        switch source {
        case .key(let parent, let key):
            return select(try parent.evaluate(&frame)) { $0.key == key }
        case .qualified(let parent, let uri, let name):
            return select(try parent.evaluate(&frame)) { $0.key == name && $0.details?.namespace?.uri == uri }
        case .multiKey(let parent, let key):
            var found: [Value] = []
            for object in Self.objects(in: try parent.evaluate(&frame)) {
                for entry in object.entries where entry.key == key { found.append(read(entry)) }
            }
            return .array(found)
        case .value(let node):
            _ = try node.evaluate(&frame)
            return .null
        }
    }

    private func select(_ parent: Value, where matches: (ValueObject.Entry) -> Bool) -> Value {
        switch parent {
        case .object(let object):
            return object.entries.first(where: matches).map(read) ?? .null
        case .array:
            return .array(Self.objects(in: parent).compactMap { $0.entries.first(where: matches).map(read) })
        default: return .null
        }
    }

    private func read(_ entry: ValueObject.Entry) -> Value {
        let attributes = entry.details?.attributes ?? ValueObject()
        guard let attribute else { return .object(attributes) }
        return attributes[attribute] ?? .null
    }

    /// The objects of `value`: itself, or those in it when it is an array (nested arrays too).
    static func objects(in value: Value) -> [ValueObject] {
        switch value {
        case .object(let object): return [object]
        case .array(let items): return items.flatMap { objects(in: $0) }
        default: return []
        }
    }
}

/// `.prefix#name`: the value of the first key `name` in the namespace the prefix declares; on an
/// array, the values from each object.
final class QualifiedKeyNode: Node {
    let target: any Node
    let uri: String
    let name: String

    init(target: any Node, uri: String, name: String) {
        self.target = target
        self.uri = uri
        self.name = name
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try target.evaluate(&frame)
        switch value {
        case .object(let object): return find(in: object) ?? .null
        case .array: return .array(AttributeSelectorNode.objects(in: value).compactMap(find))
        case .null: return .null
        default:
            throw EvaluationFailure("Cannot use the selector '.#\(name)' on \(ValueDescription.of(value)), it needs an Object or an Array")
        }
    }

    private func find(in object: ValueObject) -> Value? {
        object.entries.first { $0.key == name && $0.details?.namespace?.uri == uri }?.value
    }
}

/// `.&name`: an object of the entries named `name`, their keys' attributes and namespaces kept;
/// `..&name`: such an object for each entry named `name` at any depth, in document order.
final class KeyValueSelectorNode: Node {
    let target: any Node
    let name: String
    let descendants: Bool

    init(target: any Node, name: String, descendants: Bool) {
        self.target = target
        self.name = name
        self.descendants = descendants
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try target.evaluate(&frame)
        if value.isNull { return .null }
        if descendants {
            var found: [Value] = []
            collect(value, into: &found)
            return .array(found)
        }
        var pairs = ValueObject()
        for object in AttributeSelectorNode.objects(in: value) {
            for entry in object.entries where entry.key == name { pairs.append(entry.key, entry.value, details: entry.details) }
        }
        return .object(pairs)
    }

    private func collect(_ value: Value, into found: inout [Value]) {
        switch value {
        case .object(let object):
            for entry in object.entries {
                if entry.key == name { found.append(.object(ValueObject(entries: [entry]))) }
                collect(entry.value, into: &found)
            }
        case .array(let items):
            for item in items { collect(item, into: &found) }
        default: return
        }
    }
}

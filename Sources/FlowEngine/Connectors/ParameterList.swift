import FlowCore
import FlowExpression
import FlowModel
import Synchronization

/// An operation's parameters, prepared once when the app is built to be evaluated together on
/// every call (``OperationInput/evaluate(_:)-(ParameterList)``).
///
/// A connector that maps a request body field by field has dozens of parameters written
/// `#[payload.key]` (the sample app's `create-project` has 55). Evaluated one by one, each is an
/// expression evaluation and a scan of the payload's members for its key; together, those are
/// filled in one pass over the members, each member's key looked up once among the keys the
/// parameters select. The other parameters are evaluated one by one, in order. The values are
/// the same either way, and so is the first failure.
public final class ParameterList: Sendable {
    /// The parameters, in the order their values are given.
    public let parameters: [ParameterValue]
    /// For each key a `#[payload.key]` parameter selects: its position in ``selections``.
    private let selectionsByKey: [String: Int]
    /// The keys selected, each with the positions of the parameters selecting it.
    private let selections: [Selection]
    /// The positions of the parameters evaluated one by one.
    private let evaluatedPositions: [Int]
    /// The key shape of the last object members were selected from, and which of its members
    /// went to which selection: the next object with the same keys (the payloads of one
    /// integration nearly always have them) takes the same members without hashing a key.
    private let lastShape = Mutex<ShapeSelections?>(nil)

    /// What ``selectMembers(of:into:)`` found in an object of one key shape.
    private final class ShapeSelections: Sendable {
        let shape: ObjectKeyShape
        /// The members that were selected: each one's position among the object's entries, and
        /// the selection it filled.
        let filled: [(entry: Int, selection: Int)]

        init(shape: ObjectKeyShape, filled: [(entry: Int, selection: Int)]) {
            self.shape = shape
            self.filled = filled
        }
    }

    /// One selected key.
    private struct Selection: Sendable {
        /// The key as written; a member matches when its key is the same text of the same UTF-8
        /// length, as ``ValueObject`` looks keys up.
        let key: String
        let positions: [Int]
    }

    /// Prepares `parameters` for evaluation together.
    public init(_ parameters: [ParameterValue]) {
        self.parameters = parameters
        var selectionsByKey: [String: Int] = [:]
        var keys: [String] = []
        var positions: [[Int]] = []
        var evaluatedPositions: [Int] = []
        for (position, parameter) in parameters.enumerated() {
            guard case .expression(let expression) = parameter.value, let key = expression.payloadMemberKey else {
                evaluatedPositions.append(position)
                continue
            }
            if let index = selectionsByKey[key] {
                // Two keys that are the same text in different Unicode forms share a dictionary
                // entry but not a member: the second is evaluated on its own.
                guard keys[index].utf8.elementsEqual(key.utf8) else {
                    evaluatedPositions.append(position)
                    continue
                }
                positions[index].append(position)
            } else {
                selectionsByKey[key] = keys.count
                keys.append(key)
                positions.append([position])
            }
        }
        self.selectionsByKey = selectionsByKey
        selections = zip(keys, positions).map { Selection(key: $0, positions: $1) }
        self.evaluatedPositions = evaluatedPositions
    }

    /// The number of parameters.
    public var count: Int { parameters.count }

    /// Fills the values of the `#[payload.key]` parameters from `object`'s members: the first
    /// member with the key, or null when there is none, as `payload.key` selects.
    func selectMembers(of object: ValueObject, into values: inout [Value]) {
        guard !selections.isEmpty else { return }
        if let last = lastShape.withLock({ $0 }), last.shape.matches(object) {
            object.entries.withUnsafeBufferPointer { entries in
                for (entry, selection) in last.filled {
                    for position in selections[selection].positions { values[position] = entries[entry].value }
                }
            }
            return
        }
        var filled: [(entry: Int, selection: Int)] = []
        var found = [Bool](repeating: false, count: selections.count)
        for (entryIndex, entry) in object.entries.enumerated() {
            guard let index = selectionsByKey[entry.key], !found[index] else { continue }
            let selection = selections[index]
            // The dictionary found an equal key; only the same key is selected.
            guard ValueObject.isSameKey(selection.key, entry.key) else { continue }
            found[index] = true
            filled.append((entryIndex, index))
            for position in selection.positions { values[position] = entry.value }
        }
        let selected = ShapeSelections(shape: ObjectKeyShape(of: object), filled: filled)
        lastShape.withLock { $0 = selected }
    }

    /// Whether any parameter is a `#[payload.key]` selection.
    var selectsFromPayload: Bool { !selections.isEmpty }

    /// The positions of the parameters that are evaluated one by one, in order.
    var positionsToEvaluate: [Int] { evaluatedPositions }
}

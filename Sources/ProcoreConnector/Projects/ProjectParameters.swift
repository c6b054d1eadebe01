import FlowCore

/// The evaluated parameters of `create-project` or `update-project`, by their XML names
/// (`companyId`, `startDate`, `customFields`).
///
/// An operation in a flow evaluates the same names on every call, so it lays them out once
/// (``Layout``) and hands the builder its values by position: the builder reads each field of
/// the operation at a position worked out when the flow was built, instead of hashing the field's
/// name twice per call (once to store the value, once to read it), about 120 string hashes per
/// create. Anything else (tests, other callers) can give a dictionary.
package struct ProjectParameters: Sendable {
    /// Where each name's value is, and where each operation's fields are.
    package final class Layout: Sendable {
        /// The names, in the order of the values.
        package let names: [String]
        private let positions: [String: Int]
        /// For each operation, the position of each of its fields' parameter (nil when absent).
        private let createPositions: [Int?]
        private let updatePositions: [Int?]
        /// The positions of the parameters the builder reads by name on every call.
        fileprivate let companyIdPosition: Int?, projectIdPosition: Int?, clearFieldsPosition: Int?, customFieldsPosition: Int?

        /// A layout of values named `names`, in that order (each name once).
        package init(names: [String]) {
            self.names = names
            var positions: [String: Int] = [:]
            for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
            self.positions = positions
            createPositions = ProjectOperation.create.fields.map { positions[$0.parameter] }
            updatePositions = ProjectOperation.update.fields.map { positions[$0.parameter] }
            companyIdPosition = positions["companyId"]
            projectIdPosition = positions["projectId"]
            clearFieldsPosition = positions[ClearedFields.parameter]
            customFieldsPosition = positions["customFields"]
        }

        func position(of name: String) -> Int? { positions[name] }

        /// Where the value of each of `operation`'s fields (``ProjectOperation/fields``) is, in
        /// that order: nil for a field whose parameter is not laid out.
        func fieldPositions(of operation: ProjectOperation) -> [Int?] {
            switch operation {
            case .create: createPositions
            case .update: updatePositions
            }
        }
    }

    private let layout: Layout
    private var values: [Value]

    /// The values of `layout`'s names, in its order.
    package init(layout: Layout, values: [Value]) {
        precondition(values.count == layout.names.count, "ProjectParameters: \(values.count) values for \(layout.names.count) names")
        self.layout = layout
        self.values = values
    }

    /// The parameters `dictionary` holds.
    package init(_ dictionary: [String: Value]) {
        layout = Layout(names: Array(dictionary.keys))
        values = layout.names.map { dictionary[$0] ?? .null }
    }

    /// The value of the parameter named `name`, or nil when it was not given.
    package subscript(name: String) -> Value? {
        layout.position(of: name).map { values[$0] }
    }

    /// `companyId`, `projectId`, `clearFields` and `customFields`, found where the layout put them.
    var companyId: Value? { value(at: layout.companyIdPosition) }
    var projectId: Value? { value(at: layout.projectIdPosition) }
    var clearFields: Value? { value(at: layout.clearFieldsPosition) }
    var customFields: Value? { value(at: layout.customFieldsPosition) }

    /// Where the value of each of `operation`'s fields is, for ``value(at:)``.
    func fieldPositions(of operation: ProjectOperation) -> [Int?] { layout.fieldPositions(of: operation) }

    /// The value at a position ``fieldPositions(of:)`` gave, or nil when there is none.
    func value(at position: Int?) -> Value? {
        position.map { values[$0] }
    }

    /// The parameters as a dictionary, for the read operations' query builders.
    package var dictionary: [String: Value] {
        var dictionary: [String: Value] = [:]
        for (name, value) in zip(layout.names, values) { dictionary[name] = value }
        return dictionary
    }
}

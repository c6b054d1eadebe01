import FlowExpression

/// An `<ee:transform>` as written: the compiled script for each target it sets.
///
/// Every script sees the incoming event; targets it does not name are kept.
public struct TransformDefinition: Sendable {
    /// One `<ee:set-variable>`.
    public struct Variable: Sendable {
        /// The variable's name.
        public let name: String
        /// Its script.
        public let script: ParameterValue

        /// Creates a variable script.
        public init(name: String, script: ParameterValue) {
            self.name = name
            self.script = script
        }
    }

    /// `<ee:set-payload>`'s script, if any.
    public let payload: ParameterValue?
    /// `<ee:set-attributes>`'s script, if any.
    public let attributes: ParameterValue?
    /// The `<ee:set-variable>` scripts, in document order.
    public let variables: [Variable]

    /// Creates a definition.
    public init(payload: ParameterValue?, attributes: ParameterValue?, variables: [Variable]) {
        self.payload = payload
        self.attributes = attributes
        self.variables = variables
    }
}

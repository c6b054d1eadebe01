import FlowModel

/// One `key`/`value` pair of a config's defaults (`<http:default-header>`,
/// `<http:query-param>`); the value may be an expression, evaluated for each request.
struct KeyedValue: Sendable {
    let key: String
    let value: ParameterValue
}

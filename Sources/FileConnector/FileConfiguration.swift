import FlowEngine

/// A built `file:config`: the working directory relative paths are read from.
struct FileConfiguration: ConnectorConfiguration {
    let name: String
    /// Absolute.
    let workingDirectory: String
}

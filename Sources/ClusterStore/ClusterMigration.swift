/// One step of the cluster store's schema: the SQL statements that take it from
/// `version - 1` to `version`, run in one transaction and recorded in `conduit_schema_version`.
public struct ClusterMigration: Sendable, Hashable {
    /// The schema version this step produces; versions start at 1 and have no gaps.
    public var version: Int
    /// What it adds, as the start-up log and `conduit_schema_version.description` name it.
    public var description: String
    /// The statements, run in order.
    public var statements: [String]

    /// A step producing `version`.
    public init(version: Int, description: String, statements: [String]) {
        self.version = version
        self.description = description
        self.statements = statements
    }
}

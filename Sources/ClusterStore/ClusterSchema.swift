/// The cluster store's tables, as the ordered list of migrations every node runs at start.
///
/// To add a table or a column, append a ``ClusterMigration`` to ``migrations`` with the next
/// version (the last one's plus 1), defined in its own file as a static member of
/// `ClusterMigration` (see `ClusterMigration+OAuth.swift`). Never edit or reorder a migration
/// that has shipped: nodes that already ran it will not run it again, and a node running an
/// older build refuses a database whose schema is newer than it knows.
public enum ClusterSchema {
    /// Every migration, in version order.
    public static let migrations: [ClusterMigration] = [
        .oauthTokens,
        .oauthPendingAuthorizations,
        .objectStore,
    ]

    /// The newest schema version this build knows.
    public static var currentVersion: Int { migrations.last?.version ?? 0 }
}

import Logging
import PostgresNIO

extension ClusterDatabase {
    /// The advisory lock key that serializes migrations across nodes ("conduit" in ASCII).
    static let migrationLockKey: Int64 = 0x63_6F_6E_64_75_69_74

    /// Applies the migrations the database lacks, one node at a time (under a session advisory
    /// lock), each in its own transaction recorded in `conduit_schema_version`; returns the
    /// schema version and logs it.
    ///
    /// A database whose schema is newer than this build knows is refused: an older node must not
    /// write rows it does not understand.
    @discardableResult
    func migrate() async throws(ClusterStoreError) -> Int {
        let migrations = self.migrations
        let node = nodeId
        let (before, after) = try await withConnection("could not be migrated") { connection in
            try await connection.checkedQuery("SELECT pg_advisory_lock(\(Self.migrationLockKey))", logger: self.logger, within: nil)
            do {
                let result = try await Self.applyPending(migrations, node: node, on: connection, logger: self.logger)
                try await connection.checkedQuery("SELECT pg_advisory_unlock(\(Self.migrationLockKey))", logger: self.logger)
                return result
            } catch {
                // The transaction already rolled back; release the lock for the next node.
                _ = try? await connection.checkedQuery("SELECT pg_advisory_unlock(\(Self.migrationLockKey))", logger: self.logger)
                throw error
            }
        }
        if before == after {
            logger.info("Cluster store '\(url)': schema version \(after) (up to date), node '\(node)'")
        } else {
            logger.info("Cluster store '\(url)': schema version \(after) (migrated from \(before)), node '\(node)'")
        }
        return after
    }

    private static func applyPending(_ migrations: [ClusterMigration], node: String, on connection: PostgresConnection,
                                     logger: Logger) async throws -> (before: Int, after: Int) {
        try await connection.checkedQuery("""
            CREATE TABLE IF NOT EXISTS conduit_schema_version (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by_node text NOT NULL
            )
            """, logger: logger)
        var current = 0
        for try await version in try await connection.checkedQuery("SELECT coalesce(max(version), 0) FROM conduit_schema_version", logger: logger)
            .decode(Int.self) {
            current = version
        }
        for (index, migration) in migrations.enumerated() where migration.version != index + 1 {
            throw MigrationListBroken(position: index, version: migration.version)
        }
        let known = migrations.last?.version ?? 0
        guard current <= known else {
            throw SchemaTooNew(found: current, known: known)
        }
        let before = current
        for migration in migrations where migration.version > current {
            try await connection.checkedTransaction(logger: logger) { connection in
                for statement in migration.statements {
                    try await connection.checkedQuery(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.checkedQuery("""
                    INSERT INTO conduit_schema_version (version, description, applied_by_node)
                    VALUES (\(migration.version), \(migration.description), \(node))
                    """, logger: logger)
            }
            logger.debug("Cluster store: applied migration \(migration.version) (\(migration.description))")
            current = migration.version
        }
        return (before, current)
    }
}

/// The database's schema is newer than this build's migrations.
struct SchemaTooNew: Error, CustomStringConvertible {
    var found: Int
    var known: Int
    var description: String {
        "its schema version is \(found), newer than this Conduit knows (\(known)); run a Conduit as new as the other nodes"
    }
}

/// The migration list does not number its entries 1, 2, 3…; a mistake in this build.
struct MigrationListBroken: Error, CustomStringConvertible {
    var position: Int
    var version: Int
    var description: String {
        "this Conduit's migration list is broken: entry \(position + 1) has version \(version) (versions must be 1, 2, 3… in order)"
    }
}

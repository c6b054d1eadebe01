extension ClusterMigration {
    /// `conduit_object_store`: the entries of every app's object stores (`os:`, the idempotent
    /// validator's, the redelivery policy's), one row per (app, store, key). `value` is the
    /// entry's JSON; `expires_at` is null for an entry that never expires; `position`, from a
    /// sequence, orders the entries by when they were written (a replaced entry takes a new one),
    /// so trimming to `maxEntries` removes the same entries whichever node trims.
    public static let objectStore = ClusterMigration(version: 3, description: "object stores", statements: [
        "CREATE SEQUENCE conduit_object_store_position",
        """
        CREATE TABLE conduit_object_store (
            app text NOT NULL,
            partition text NOT NULL,
            key text NOT NULL,
            value bytea NOT NULL,
            stored_at timestamptz NOT NULL DEFAULT now(),
            expires_at timestamptz,
            position bigint NOT NULL DEFAULT nextval('conduit_object_store_position'),
            PRIMARY KEY (app, partition, key)
        )
        """,
        "ALTER SEQUENCE conduit_object_store_position OWNED BY conduit_object_store.position",
        "CREATE INDEX conduit_object_store_order ON conduit_object_store (app, partition, position)",
    ])
}

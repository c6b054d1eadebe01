extension ClusterMigration {
    /// `conduit_oauth_token`: one row per (config, resource owner); the tokens AES-GCM sealed,
    /// `generation` bumped on every rotation, authorization and revocation (the version a
    /// renewal compares and sets, never reused); `status` `valid`, `needs_reauth` (the refresh
    /// token was refused) or `revoked` (unauthorized).
    public static let oauthTokens = ClusterMigration(version: 1, description: "OAuth tokens", statements: [
        """
        CREATE TABLE conduit_oauth_token (
            config_name text NOT NULL,
            resource_owner_id text NOT NULL,
            access_token bytea NOT NULL,
            refresh_token bytea,
            expires_at timestamptz,
            obtained_at timestamptz NOT NULL,
            grant_type text NOT NULL,
            authorized_by text,
            generation bigint NOT NULL,
            status text NOT NULL CHECK (status IN ('valid', 'needs_reauth', 'revoked')),
            updated_at timestamptz NOT NULL DEFAULT now(),
            updated_by_node text NOT NULL,
            PRIMARY KEY (config_name, resource_owner_id)
        )
        """,
    ])

    /// `conduit_oauth_pending`: authorizations waiting for their callback, so that the callback
    /// may reach any node; a row is deleted by the node that claims it. Keyed by the SHA-256 of
    /// `state` and holding the browser nonce sealed, so that reading the table does not let
    /// anyone complete someone else's login.
    public static let oauthPendingAuthorizations = ClusterMigration(version: 2, description: "pending OAuth authorizations", statements: [
        """
        CREATE TABLE conduit_oauth_pending (
            state_hash bytea PRIMARY KEY,
            config_name text NOT NULL,
            resource_owner_id text NOT NULL,
            redirect_uri text NOT NULL,
            browser_nonce bytea NOT NULL,
            client text NOT NULL,
            started_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX conduit_oauth_pending_config ON conduit_oauth_pending (config_name, client, started_at)",
    ])
}

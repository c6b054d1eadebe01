import ConnectorSupport
import Crypto
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// One connector configuration's OAuth tokens in the cluster store, shared by every node: one
/// `conduit_oauth_token` row per resource owner (tokens sealed with the ``StoreKey``), renewed
/// under the row's lock (`SELECT … FOR UPDATE`), announced with a notification after every
/// change; and its pending authorizations as `conduit_oauth_pending` rows.
///
/// The manager using it caches tokens: this storage answers ``isStale(owner:)`` from the
/// generations it handed out and the ones other nodes announced, so a valid cached token costs
/// no query.
public final class ClusterTokenStorage: SharedTokenStorage {
    /// The notification topic of token changes; the subject is `[config, resource owner]`.
    public static let topic = "oauth_token"
    /// How long a renewal waits for another node's renewal of the same owner to finish.
    static let lockTimeout = "20s"

    /// The database.
    public let database: ClusterDatabase
    /// The configuration whose tokens these are.
    public let configName: String
    private let key: StoreKey
    private let generations = SharedGenerations()
    private let unsaved = UnsavedRenewals()

    /// The storage of `configName`'s tokens in `database`, sealed with `key`.
    public init(database: ClusterDatabase, configName: String, key: StoreKey) {
        self.database = database
        self.configName = configName
        self.key = key
        database.observe(Self.topic) { [generations, configName] notification in
            generations.update { generations in
                guard let notification else {
                    generations.forgetAll()
                    return
                }
                guard notification.subject.count == 2, notification.subject[0] == configName, let generation = notification.generation else { return }
                generations.announced(owner: notification.subject[1], generation: generation)
            }
        }
    }

    /// `postgres://…/db (conduit_oauth_token, config 'Procore_Config')`, password masked.
    public var location: String { "\(database.url) (conduit_oauth_token, config '\(configName)')" }

    // MARK: TokenStorage

    /// The configuration's valid tokens by resource owner.
    public func load() async throws(TokenStorageError) -> [String: StoredToken] {
        do {
            try await database.ready()
            let rows = try await database.withConnection(reading: "could not be read") { [configName] connection in
                try await Self.rows(connection.checkedQuery("""
                    SELECT resource_owner_id, access_token, refresh_token, expires_at, obtained_at, grant_type, authorized_by, generation, status
                    FROM conduit_oauth_token WHERE config_name = \(configName)
                    """, logger: self.database.logger))
            }
            var tokens: [String: StoredToken] = [:]
            for row in rows {
                generations.update { $0.handed(owner: row.owner, generation: row.generation) }
                if row.status == .valid { tokens[row.owner] = try open(row) }
            }
            return tokens
        } catch {
            throw TokenStorageError(location: location, reason: "could not be read: \(Self.reason(error))")
        }
    }

    /// Not used: a shared storage changes one owner at a time (``store(_:for:)``, ``renew(owner:isUsable:refresh:)``).
    public func save(_ tokens: [String: StoredToken]) async throws(TokenStorageError) {
        throw TokenStorageError(location: location, reason: "is shared by the cluster and changed one resource owner at a time")
    }

    // MARK: SharedTokenStorage

    public func isStale(owner: String) -> Bool {
        generations.update { $0.isStale(owner) }
    }

    public func read(owner: String) async throws(OAuthError) -> StoredToken? {
        // A token this node could not record yet is newer than the row (the background write
        // records it; until then the row's refresh token is spent).
        if let entry = unsaved.entry(for: owner) { return entry.token }
        let rows = try await run("could not be read", reading: true) { [configName] connection in
            try await Self.rows(connection.checkedQuery("""
                SELECT resource_owner_id, access_token, refresh_token, expires_at, obtained_at, grant_type, authorized_by, generation, status
                FROM conduit_oauth_token WHERE config_name = \(configName) AND resource_owner_id = \(owner)
                """, logger: self.database.logger))
        }
        guard let row = rows.first else {
            generations.update { $0.handed(owner: owner, generation: nil) }
            return nil
        }
        generations.update { $0.handed(owner: owner, generation: row.generation) }
        return row.status == .valid ? try openForOAuth(row) : nil
    }

    public func renew(owner: String, isUsable: @escaping @Sendable (StoredToken) -> Bool,
                      refresh: @escaping @Sendable (StoredToken) async throws(OAuthError) -> StoredToken) async throws(OAuthError) -> TokenRenewal {
        let inFlight = RenewalInFlight()
        let outcome: RenewalStep
        do {
            outcome = try await run("could not be reached to renew the token of resource owner '\(owner)'") { connection in
                try await connection.checkedTransaction(logger: self.database.logger) { connection in
                    try await self.renewLocked(owner: owner, on: connection, isUsable: isUsable, refresh: refresh, inFlight: inFlight)
                }
            }
        } catch {
            // The provider issued tokens that did not reach the row: keep them (see UnsavedRenewals).
            guard let entry = inFlight.entry else { throw error }
            keepUnsaved(entry, for: owner, because: error)
            return .refreshed(entry.token)
        }
        if let entry = inFlight.entry { unsaved.settle(entry, for: owner) }
        switch outcome {
        case .done(let renewal, let generation):
            generations.update { $0.handed(owner: owner, generation: generation) }
            return renewal
        case .refused(let error):
            throw error
        }
    }

    /// The renewal inside its transaction, the row locked. A refused refresh token is recorded
    /// (`needs_reauth`, committed) and its error returned rather than thrown, which would roll
    /// the marking back.
    private func renewLocked(owner: String, on connection: PostgresConnection, isUsable: @Sendable (StoredToken) -> Bool,
                             refresh: @Sendable (StoredToken) async throws(OAuthError) -> StoredToken,
                             inFlight: RenewalInFlight) async throws -> RenewalStep {
        let logger = database.logger
        guard let row = try await lockRow(owner, on: connection) else { return .done(.missing(needsAuthorization: false), generation: nil) }
        var current: StoredToken
        var generation = row.generation
        // This node's unrecorded token replaces the row's, whose refresh token the provider has
        // spent (even when another node has since marked it as needing a new authorization).
        if let entry = unsaved.entry(for: owner), entry.replacesGeneration == row.generation {
            inFlight.writing(entry)
            current = entry.token
            generation = try await writeRenewed(entry.token, for: owner, over: row.generation, on: connection)
            if isUsable(current) { return .done(.adopted(current), generation: generation) }
        } else {
            switch row.status {
            case .revoked: return .done(.missing(needsAuthorization: false), generation: row.generation)
            case .needsReauthorization: return .done(.missing(needsAuthorization: true), generation: row.generation)
            case .valid: break
            }
            current = try open(row)
            if isUsable(current) { return .done(.adopted(current), generation: row.generation) }
        }
        let attempt = await Self.result { () async throws(OAuthError) -> StoredToken in try await refresh(current) }
        if case .failure(let error) = attempt, error.kind == .unauthorized {
            try await connection.checkedQuery("""
                UPDATE conduit_oauth_token SET status = 'needs_reauth', updated_at = now(), updated_by_node = \(database.nodeId)
                WHERE config_name = \(configName) AND resource_owner_id = \(owner) AND generation = \(generation)
                """, logger: logger)
            database.logger.warning("The refresh token of resource owner '\(owner)' of config '\(configName)' was refused; every node now needs a new authorization")
            return .refused(error)
        }
        let renewed = try attempt.get()
        // From here the provider has spent `current`'s refresh token: `renewed` must not be lost.
        inFlight.writing(UnsavedRenewals.Entry(token: renewed, replacesGeneration: generation))
        let written = try await writeRenewed(renewed, for: owner, over: generation, on: connection)
        return .done(.refreshed(renewed), generation: written)
    }

    /// `owner`'s row, locked until the transaction ends (nil: no row).
    private func lockRow(_ owner: String, on connection: PostgresConnection) async throws -> TokenRow? {
        let logger = database.logger
        try await connection.checkedQuery(PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = '\(Self.lockTimeout)'"), logger: logger)
        return try await Self.rows(connection.checkedQuery("""
            SELECT resource_owner_id, access_token, refresh_token, expires_at, obtained_at, grant_type, authorized_by, generation, status
            FROM conduit_oauth_token WHERE config_name = \(configName) AND resource_owner_id = \(owner) FOR UPDATE
            """, logger: logger)).first
    }

    /// Writes `token` over `owner`'s locked row of `generation` as a valid token, the generation
    /// bumped, and announces it; the new generation.
    private func writeRenewed(_ token: StoredToken, for owner: String, over generation: Int64, on connection: PostgresConnection) async throws -> Int64 {
        let next = generation + 1
        let sealed = try seal(token, owner: owner)
        try await connection.checkedQuery("""
            UPDATE conduit_oauth_token SET access_token = \(sealed.access), refresh_token = \(sealed.refresh),
                expires_at = \(token.expiresAt), obtained_at = \(token.obtainedAt), grant_type = \(token.grantType),
                generation = \(next), status = 'valid', updated_at = now(), updated_by_node = \(database.nodeId)
            WHERE config_name = \(configName) AND resource_owner_id = \(owner) AND generation = \(generation)
            """, logger: database.logger)
        try await database.notify(ClusterNotification(topic: Self.topic, subject: [configName, owner], generation: next, node: database.nodeId),
                                  on: connection)
        return next
    }

    // MARK: Tokens not yet recorded

    /// Keeps `entry` after its write failed with `error`, and retries the write in the background.
    private func keepUnsaved(_ entry: UnsavedRenewals.Entry, for owner: String, because error: any Error) {
        unsaved.keep(entry, for: owner)
        database.logger.warning("The provider renewed the tokens of resource owner '\(owner)' of config '\(configName)' but the cluster store did not record them (\(error)); this node keeps using them and records them when the store answers again")
        // Until a write settles the entry (recorded, or dropped because the row moved on).
        Task { [weak self] in
            var pause = Duration.milliseconds(500)
            while let self, self.unsaved.entry(for: owner) == entry {
                try? await Task.sleep(for: pause)
                do { try await self.writeUnsaved(entry, for: owner) } catch { pause = min(pause * 2, .seconds(5)) }
            }
        }
    }

    /// Writes `entry` over `owner`'s row if the row is still the one it replaces (else the row
    /// moved on, and the entry is dropped); either way the entry is settled. Throws while the
    /// store cannot be reached.
    private func writeUnsaved(_ entry: UnsavedRenewals.Entry, for owner: String) async throws(OAuthError) {
        let written: Int64? = try await run("could not be reached to record the renewed token of resource owner '\(owner)'") { connection in
            try await connection.checkedTransaction(logger: self.database.logger) { connection in
                guard let row = try await self.lockRow(owner, on: connection), row.generation == entry.replacesGeneration else { return nil }
                return try await self.writeRenewed(entry.token, for: owner, over: row.generation, on: connection)
            }
        }
        unsaved.settle(entry, for: owner)
        guard let written else {
            database.logger.warning("The renewed tokens of resource owner '\(owner)' of config '\(configName)' that the cluster store had not recorded were replaced meanwhile (a new authorization); they are dropped")
            return
        }
        generations.update { $0.handed(owner: owner, generation: written) }
        database.logger.info("Recorded the renewed tokens of resource owner '\(owner)' of config '\(configName)' in the cluster store (generation \(written))")
    }

    public func store(_ token: StoredToken, for owner: String) async throws(OAuthError) {
        let sealed: SealedToken
        do { sealed = try seal(token, owner: owner) } catch { throw OAuthError(.unexpected, "Could not seal the tokens of resource owner '\(owner)' of config '\(configName)'") }
        let generation: Int64 = try await run("could not store the tokens of resource owner '\(owner)'") { [configName, database] connection in
            try await connection.checkedTransaction(logger: database.logger) { connection in
                let generation = try await Self.values(connection.checkedQuery("""
                    INSERT INTO conduit_oauth_token (config_name, resource_owner_id, access_token, refresh_token, expires_at, obtained_at,
                        grant_type, authorized_by, generation, status, updated_by_node)
                    VALUES (\(configName), \(owner), \(sealed.access), \(sealed.refresh), \(token.expiresAt), \(token.obtainedAt),
                        \(token.grantType), \(token.authorizedBy), 1, 'valid', \(database.nodeId))
                    ON CONFLICT (config_name, resource_owner_id) DO UPDATE SET access_token = EXCLUDED.access_token,
                        refresh_token = EXCLUDED.refresh_token, expires_at = EXCLUDED.expires_at, obtained_at = EXCLUDED.obtained_at,
                        grant_type = EXCLUDED.grant_type, authorized_by = EXCLUDED.authorized_by,
                        generation = conduit_oauth_token.generation + 1, status = 'valid', updated_at = now(),
                        updated_by_node = EXCLUDED.updated_by_node
                    RETURNING generation
                    """, logger: database.logger), as: Int64.self).first ?? 1
                try await database.notify(ClusterNotification(topic: Self.topic, subject: [configName, owner], generation: generation, node: database.nodeId),
                                          on: connection)
                return generation
            }
        }
        generations.update { $0.handed(owner: owner, generation: generation) }
    }

    public func remove(owner: String) async throws(OAuthError) {
        let generation: Int64? = try await run("could not delete the tokens of resource owner '\(owner)'") { [configName, database] connection in
            try await connection.checkedTransaction(logger: database.logger) { connection in
                let generation = try await Self.values(connection.checkedQuery("""
                    UPDATE conduit_oauth_token SET status = 'revoked', generation = generation + 1, updated_at = now(),
                        updated_by_node = \(database.nodeId)
                    WHERE config_name = \(configName) AND resource_owner_id = \(owner) RETURNING generation
                    """, logger: database.logger), as: Int64.self).first
                if let generation {
                    try await database.notify(ClusterNotification(topic: Self.topic, subject: [configName, owner], generation: generation,
                                                                  node: database.nodeId), on: connection)
                }
                return generation
            }
        }
        generations.update { $0.handed(owner: owner, generation: generation) }
    }

    // MARK: Pending authorizations

    public func insertPending(_ authorization: PendingAuthorization, state: String, perClientLimit: Int, totalLimit: Int) async throws(OAuthError) -> Bool {
        let stateHash = Self.hash(state)
        let nonce: [UInt8]
        do { nonce = try key.seal(authorization.browserNonce, context: "\(configName)\u{0}pending") } catch {
            throw OAuthError(.unexpected, "Could not seal a pending authorization of config '\(configName)'")
        }
        return try await run("could not keep a pending authorization") { [configName, database] connection in
            try await connection.checkedTransaction(logger: database.logger) { connection in
                let logger = database.logger
                try await connection.checkedQuery("DELETE FROM conduit_oauth_pending WHERE expires_at <= now()", logger: logger)
                try await connection.checkedQuery("""
                    DELETE FROM conduit_oauth_pending WHERE state_hash IN (
                        SELECT state_hash FROM conduit_oauth_pending WHERE config_name = \(configName) AND client = \(authorization.client)
                        ORDER BY started_at DESC OFFSET \(max(0, perClientLimit - 1)))
                    """, logger: logger)
                let waiting = try await Self.values(connection.checkedQuery("SELECT count(*) FROM conduit_oauth_pending WHERE config_name = \(configName)",
                                                                      logger: logger), as: Int.self).first ?? 0
                guard waiting < totalLimit else { return false }
                try await connection.checkedQuery("""
                    INSERT INTO conduit_oauth_pending (state_hash, config_name, resource_owner_id, redirect_uri, browser_nonce, client, started_at, expires_at)
                    VALUES (\(stateHash), \(configName), \(authorization.resourceOwnerId), \(authorization.redirectURI), \(Data(nonce)),
                        \(authorization.client), \(authorization.startedAt), \(authorization.expiresAt))
                    """, logger: logger)
                return true
            }
        }
    }

    public func takePending(_ state: String) async throws(OAuthError) -> PendingAuthorization? {
        let stateHash = Self.hash(state)
        let claimed: [(String, String, Data, String, Date, Date, Bool)] = try await run("could not look up a pending authorization") { [configName, database] connection in
            try await Self.claimed(connection.checkedQuery("""
                DELETE FROM conduit_oauth_pending WHERE state_hash = \(stateHash) AND config_name = \(configName)
                RETURNING resource_owner_id, redirect_uri, browser_nonce, client, started_at, expires_at, expires_at > now()
                """, logger: database.logger))
        }
        guard let (owner, redirectURI, sealedNonce, client, startedAt, expiresAt, live) = claimed.first, live else { return nil }
        guard let nonce = try? key.open(Array(sealedNonce), context: "\(configName)\u{0}pending") else {
            throw OAuthError(.unexpected, "A pending authorization of config '\(configName)' could not be decrypted: this node's \(StoreKey.environmentVariable) differs from the one of the node that started it")
        }
        return PendingAuthorization(resourceOwnerId: owner, redirectURI: redirectURI, browserNonce: nonce, client: client,
                                    startedAt: startedAt, expiresAt: expiresAt)
    }

    // MARK: Helpers

    /// Runs `operation` on a connection once the schema is ready, as an ``OAuthError``:
    /// ``OAuthError/Kind/connectivity`` when the store cannot be reached (PROCORE:CONNECTIVITY,
    /// 503 at a listener), else ``OAuthError/Kind/unexpected``.
    private func run<Result: Sendable>(_ action: String, reading: Bool = false,
                                       _ operation: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws(OAuthError) -> Result {
        do {
            try await database.ready()
            return reading ? try await database.withConnection(reading: action, operation) : try await database.withConnection(action, operation)
        } catch let error as OAuthError {
            throw error
        } catch {
            let storeError = database.storeError(action, error)
            throw OAuthError(storeError.isUnreachable ? .connectivity : .unexpected, "\(storeError.description).")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? ClusterStoreError { return "\(error.action): \(error.reason)" }
        if let error = error as? OAuthError { return error.description }
        return ClusterStoreError.reason(of: error)
    }

    /// Every row of `sequence` decoded as `type`.
    private static func values<Column: PostgresDecodable & Sendable>(_ sequence: PostgresRowSequence, as type: Column.Type) async throws -> [Column] {
        var values: [Column] = []
        for try await row in sequence {
            values.append(try row.decode(Column.self))
        }
        return values
    }

    /// The claimed pending rows: owner, redirect URI, sealed nonce, client, start, expiry, still live.
    private static func claimed(_ sequence: PostgresRowSequence) async throws -> [(String, String, Data, String, Date, Date, Bool)] {
        var rows: [(String, String, Data, String, Date, Date, Bool)] = []
        for try await row in sequence.decode((String, String, Data, String, Date, Date, Bool).self) {
            rows.append(row)
        }
        return rows
    }

    /// What `operation` returned or threw, as a value.
    private static func result<Value>(_ operation: () async throws(OAuthError) -> Value) async -> Result<Value, OAuthError> {
        do { return .success(try await operation()) } catch { return .failure(error) }
    }

    private static func hash(_ state: String) -> Data {
        Data(SHA256.hash(data: Data(state.utf8)))
    }

    private static func rows(_ sequence: PostgresRowSequence) async throws -> [TokenRow] {
        var rows: [TokenRow] = []
        for try await (owner, access, refresh, expiresAt, obtainedAt, grantType, authorizedBy, generation, status)
            in sequence.decode((String, Data, Data?, Date?, Date, String, String?, Int64, String).self) {
            rows.append(TokenRow(owner: owner, access: access, refresh: refresh, expiresAt: expiresAt, obtainedAt: obtainedAt,
                                 grantType: grantType, authorizedBy: authorizedBy, generation: generation,
                                 status: TokenRow.Status(rawValue: status) ?? .needsReauthorization))
        }
        return rows
    }

    private func context(_ owner: String, _ column: String) -> String { "\(configName)\u{0}\(owner)\u{0}\(column)" }

    private func seal(_ token: StoredToken, owner: String) throws -> SealedToken {
        SealedToken(access: Data(try key.seal(token.accessToken, context: context(owner, "access_token"))),
                    refresh: try token.refreshToken.map { Data(try key.seal($0, context: context(owner, "refresh_token"))) })
    }

    private func open(_ row: TokenRow) throws -> StoredToken {
        do {
            return StoredToken(accessToken: try key.open(Array(row.access), context: context(row.owner, "access_token")),
                               refreshToken: try row.refresh.map { try key.open(Array($0), context: context(row.owner, "refresh_token")) },
                               expiresAt: row.expiresAt, obtainedAt: row.obtainedAt, grantType: row.grantType, authorizedBy: row.authorizedBy)
        } catch {
            throw OAuthError(.unexpected, "The tokens of resource owner '\(row.owner)' of config '\(configName)' in the cluster store could not be decrypted: this node's \(StoreKey.environmentVariable) differs from the one that stored them")
        }
    }

    private func openForOAuth(_ row: TokenRow) throws(OAuthError) -> StoredToken {
        do { return try open(row) } catch let error as OAuthError { throw error } catch { throw OAuthError(.unexpected, "\(error)") }
    }
}

/// A `conduit_oauth_token` row as read.
struct TokenRow: Sendable {
    enum Status: String, Sendable {
        case valid
        case needsReauthorization = "needs_reauth"
        case revoked
    }

    var owner: String
    var access: Data
    var refresh: Data?
    var expiresAt: Date?
    var obtainedAt: Date
    var grantType: String
    var authorizedBy: String?
    var generation: Int64
    var status: Status
}

/// A token's sealed columns.
struct SealedToken: Sendable {
    var access: Data
    var refresh: Data?
}

/// What a renewal's transaction ended with.
enum RenewalStep: Sendable {
    /// Committed: the outcome, and the row's generation afterwards.
    case done(TokenRenewal, generation: Int64?)
    /// The provider refused the refresh token; the marking committed, the error to throw.
    case refused(OAuthError)
}

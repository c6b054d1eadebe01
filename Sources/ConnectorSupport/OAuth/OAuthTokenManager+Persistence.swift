import Logging
extension OAuthTokenManager {
    /// Loads the stored tokens once. Calls that arrive while the load runs (the actor is free
    /// while storage is awaited) wait for the same load instead of starting another.
    func ensureLoaded() async {
        guard !loaded else { return }
        let load: Task<[String: StoredToken], Never>
        if let loading {
            load = loading
        } else {
            load = Task { [storage, logger, configName = settings.configName] in
                do {
                    return try await storage.load()
                } catch {
                    logger.error("\(error); starting config '\(configName)' without stored tokens")
                    return [:]
                }
            }
            loading = load
        }
        let stored = await load.value
        guard !loaded else { return }
        loaded = true
        loading = nil
        tokens = stored
        logger.debug("Loaded tokens of \(tokens.count) resource owner(s) of config '\(settings.configName)' from \(storage.location)")
    }

    /// Saves the current tokens. Saves run one after another in the order asked for, so a slow
    /// earlier save can never land after, and overwrite, a later one.
    func persist(event: String, owner: String) async {
        let snapshot = tokens
        let previous = saving
        let save = Task { [storage, logger, configName = settings.configName] in
            await previous?.value
            do {
                try await storage.save(snapshot)
                logger.debug("\(event) of resource owner '\(owner)' of config '\(configName)' in \(storage.location)")
            } catch {
                logger.error("\(error); tokens of config '\(configName)' are kept in memory only")
            }
        }
        saving = save
        await save.value
        // Drop the finished chain, so the last save is not kept alive with what it captured.
        if saving == save { saving = nil }
    }
}

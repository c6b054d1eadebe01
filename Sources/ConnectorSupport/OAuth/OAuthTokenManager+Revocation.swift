import Logging
extension OAuthTokenManager {
    /// Deletes `owner`'s tokens here and revokes them at the provider (revoking the refresh
    /// token when there is one, which revokes its access token with it).
    ///
    /// The tokens are deleted first, so even when the provider cannot be reached they are gone
    /// locally; the error then says so.
    public func unauthorize(owner: String) async throws(OAuthError) {
        if !loaded { await ensureLoaded() }
        let configName = settings.configName
        guard let token = tokens.removeValue(forKey: owner) else {
            logger.debug("Unauthorize: no tokens stored for resource owner '\(owner)' of config '\(configName)'")
            return
        }
        if let shared {
            try await shared.remove(owner: owner)
        } else {
            await persist(event: "Deleted tokens", owner: owner)
        }
        metrics.revocations += 1
        do throws(OAuthError) {
            try await endpoint.revoke(token: token.refreshToken ?? token.accessToken)
            logger.debug("Revoked tokens of resource owner '\(owner)' of config '\(configName)' at \(settings.providerName)")
        } catch {
            throw OAuthError(error.kind,
                             "Deleted the tokens of resource owner '\(owner)' of config '\(configName)', but could not revoke them at \(settings.providerName): \(error.description)",
                             response: error.response)
        }
    }
}

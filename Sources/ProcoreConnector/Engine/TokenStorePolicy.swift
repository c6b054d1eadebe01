import FlowEngine

/// When a token file that other users can read is refused rather than warned about: in an
/// environment named like production (`--env prod`, `-D env=production`, `mule.env=prd`), where
/// a token that leaks through a shared file acts for the app's Procore user.
enum TokenStorePolicy {
    /// Whether the app's `env` (or `mule.env`) is `prod`, `prd`, `production` or starts with `prod`.
    static func isProductionLike(_ context: ConnectorBuildContext) -> Bool {
        guard let env = (context.property("env") ?? context.property("mule.env"))?.lowercased() else { return false }
        return env == "prd" || env.hasPrefix("prod")
    }
}

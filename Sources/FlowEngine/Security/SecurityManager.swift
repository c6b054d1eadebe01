import FlowCore

/// The app's security providers, collected while the app is built: the module that declares them
/// (`spring:security-manager`) registers each, and security filters (`http:basic-security-filter`)
/// take the list when they are built, after every global element.
///
/// Mule keeps one security manager per app; so does Conduit (``shared(in:)``).
public final class SecurityManager {
    /// Where a registered provider was declared, for reporting duplicates.
    private var locations: [String: SourceLocation] = [:]

    /// Every provider, in the order declared.
    public private(set) var providers: [any SecurityProvider] = []
    /// Whether the app declares a security manager at all.
    public private(set) var isDeclared = false
    /// Whether every provider declared could be registered; when not, its problems are reported
    /// already, and filters do not report the providers missing again.
    public private(set) var isComplete = true

    init() {}

    /// The app's security manager, made on first use.
    public static func shared(in context: ConnectorBuildContext) -> SecurityManager {
        context.appScoped("conduit.security-manager") { SecurityManager() }
    }

    /// Records that the app declares a security manager, whose providers were all registered
    /// (`complete`) or not.
    public func markDeclared(complete: Bool) {
        isDeclared = true
        isComplete = isComplete && complete
    }

    /// Adds `provider`, declared at `location`; a name already registered is an error naming
    /// where the first one is.
    public func register(_ provider: any SecurityProvider, at location: SourceLocation) throws(DiagnosticList) {
        if let first = locations[provider.name] {
            throw DiagnosticList([.error("Security provider '\(provider.name)' is already declared at \(first).", at: location)])
        }
        locations[provider.name] = location
        providers.append(provider)
    }
}

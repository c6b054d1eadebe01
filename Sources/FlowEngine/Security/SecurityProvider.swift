/// Something that can tell whether a user name and password belong together: a
/// `spring:delegate-security-provider` over the users of a Spring authentication manager.
///
/// Security filters (`http:basic-security-filter`) ask the providers the app's security manager
/// holds; the engine knows none of them.
public protocol SecurityProvider: Sendable {
    /// The provider's name (`name` of `spring:delegate-security-provider`), which filters may
    /// select with `securityProviders`.
    var name: String { get }

    /// The authentication of `username` when `password` is theirs; nil otherwise. Never tells an
    /// unknown user from a wrong password, in its answer or in its timing.
    func authenticate(username: String, password: String) async -> Authentication?
}

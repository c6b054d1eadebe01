import FlowCore
import FlowEngine

/// A `spring:delegate-security-provider`: authenticates against the users of the Spring
/// authentication manager its `delegate-ref` names, as Spring's `ProviderManager` over
/// `DaoAuthenticationProvider`s does (each user service asked in turn; the first that accepts wins).
///
/// An unknown user costs the same check as a wrong password (against the first stored password
/// of the same kind), as Spring's `mitigateAgainstTimingAttack`, so timing tells neither apart.
struct UserServiceProvider: SecurityProvider {
    let name: String
    let userServices: [UserService]
    /// `spring:security-property` values, the authentication's `properties`.
    let properties: ValueObject
    /// What an unknown user's password is checked against.
    private let decoy: PasswordEncoding

    init(name: String, userServices: [UserService], properties: ValueObject) {
        self.name = name
        self.userServices = userServices
        self.properties = properties
        let stored = userServices.flatMap(\.users.values).map(\.password)
        decoy = stored.first { if case .bcrypt = $0 { true } else { false } } ?? .noop("conduit-unknown-user")
    }

    func authenticate(username: String, password: String) async -> Authentication? {
        var found = false
        for service in userServices {
            guard let user = service.users[username] else { continue }
            found = true
            // Checked even for a disabled user, so that timing does not tell it apart either.
            if await user.password.check(password), user.isUsable {
                return Authentication(principal: user.name, authorities: user.authorities, properties: properties, provider: name)
            }
        }
        if !found { _ = await decoy.check(password) }
        return nil
    }
}

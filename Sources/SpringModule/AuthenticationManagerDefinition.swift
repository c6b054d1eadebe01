import FlowCore

/// An `<ss:authentication-manager>` read from a beans file: the names it is known by (`id` and
/// `alias`, as `delegate-ref` names it) and the user services of its providers, asked in order.
struct AuthenticationManagerDefinition: Sendable {
    let names: [String]
    let userServices: [UserService]
    let location: SourceLocation
}

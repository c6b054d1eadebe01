/// One `<ss:user>` of a Spring user service: a name, the stored password and what the user may
/// do. A `disabled` or `locked` user never authenticates, as in Spring.
struct SpringUser: Sendable {
    let name: String
    let password: PasswordEncoding
    let authorities: [String]
    let isUsable: Bool
}

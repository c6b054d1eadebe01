/// An `<ss:user-service>`: users by name, as Spring's `InMemoryUserDetailsManager` holds them
/// (a later user of the same name replaces an earlier one).
struct UserService: Sendable {
    private(set) var users: [String: SpringUser] = [:]

    mutating func add(_ user: SpringUser) { users[user.name] = user }
}

/// A Procore user the sandbox knows: the resource owner of authorization-code tokens, or an
/// app's service account for client-credentials tokens.
struct SandboxUser: Sendable, Hashable {
    let id: Int64
    let login: String
    let name: String

    init(_ reader: SeedReader) throws(SandboxError) {
        id = try reader.integer("id")
        login = try reader.string("login")
        name = try reader.string("name")
    }
}

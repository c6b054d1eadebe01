/// An OAuth application registered with the sandbox: its credentials, the redirect URIs it may
/// use, and the companies it is connected to (its tokens may act on those companies only).
struct OAuthApp: Sendable, Hashable {
    let name: String
    let clientID: String
    let clientSecret: String
    let redirectURIs: [String]
    /// The user who approves the consent page (owner of authorization-code tokens).
    let resourceOwnerID: Int64
    /// The user that client-credentials tokens act as; defaults to the resource owner.
    let serviceAccountID: Int64
    let connectedCompanyIDs: [Int64]

    init(_ reader: SeedReader) throws(SandboxError) {
        name = try reader.string("name")
        clientID = try reader.string("client_id")
        clientSecret = try reader.string("client_secret")
        redirectURIs = try reader.strings("redirect_uris")
        resourceOwnerID = try reader.integer("resource_owner_id")
        serviceAccountID = try reader.optionalInteger("service_account_id") ?? resourceOwnerID
        connectedCompanyIDs = try reader.integers("connected_company_ids")
        guard !clientID.isEmpty, !clientSecret.isEmpty else {
            throw SandboxError("\(reader.path): 'client_id' and 'client_secret' must not be empty")
        }
    }
}

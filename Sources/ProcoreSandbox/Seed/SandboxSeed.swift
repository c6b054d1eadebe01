import FlowCore
import Foundation

/// The data a sandbox starts from: users, OAuth apps and companies with their reference data,
/// custom fields and projects.
///
/// The built-in seed is the repository's `sandbox/seed.json`; edit a copy and pass it with
/// `conduit sandbox --seed FILE` (or ``init(contentsOfFile:)``) to change what the sandbox serves.
public struct SandboxSeed: Sendable {
    let users: [SandboxUser]
    let apps: [OAuthApp]
    let companies: [SeedCompany]

    /// The seed that ships with Conduit (the text of `sandbox/seed.json`).
    public static let builtIn: SandboxSeed = {
        do {
            return try SandboxSeed(json: BuiltInSeed.json)
        } catch {
            // The text is compiled in and a test parses it, so this cannot happen in a release.
            preconditionFailure("the built-in sandbox seed is invalid: \(error)")
        }
    }()

    /// A seed from JSON text.
    public init(json: String) throws(SandboxError) {
        let root: Value
        do {
            root = try JSON.decode(json)
        } catch {
            throw SandboxError("seed: \(error)")
        }
        try self.init(root: root)
    }

    private init(root: Value) throws(SandboxError) {
        let reader = try SeedReader(root, path: "seed")
        var users: [SandboxUser] = []
        for element in try reader.array("users") {
            users.append(try SandboxUser(SeedReader(element.value, path: element.path)))
        }
        var companies: [SeedCompany] = []
        for element in try reader.array("companies") {
            let company = try SeedCompany(SeedReader(element.value, path: element.path))
            guard !companies.contains(where: { $0.id == company.id }) else {
                throw SandboxError("\(element.path): duplicate company id \(company.id)")
            }
            companies.append(company)
        }
        var apps: [OAuthApp] = []
        for element in try reader.array("apps") {
            let app = try OAuthApp(SeedReader(element.value, path: element.path))
            guard !apps.contains(where: { $0.clientID == app.clientID }) else {
                throw SandboxError("\(element.path): duplicate client_id '\(app.clientID)'")
            }
            for userID in [app.resourceOwnerID, app.serviceAccountID] where !users.contains(where: { $0.id == userID }) {
                throw SandboxError("\(element.path): user \(userID) is not in 'users'")
            }
            for companyID in app.connectedCompanyIDs where !companies.contains(where: { $0.id == companyID }) {
                throw SandboxError("\(element.path): connected company \(companyID) is not in 'companies'")
            }
            apps.append(app)
        }
        self.users = users
        self.apps = apps
        self.companies = companies
    }

    /// A seed read from a JSON file.
    public init(contentsOfFile path: String) throws(SandboxError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SandboxError("cannot read seed file \(path): \(error.localizedDescription)")
        }
        let root: Value
        do {
            root = try JSON.decode([UInt8](data))
        } catch {
            throw SandboxError("\(path): \(error)")
        }
        do {
            try self.init(root: root)
        } catch {
            throw SandboxError("\(path): \(error.message)")
        }
    }

    /// The ids of the seed's companies, in order.
    public var companyIDs: [Int64] { companies.map(\.id) }

    /// The client ids of the seed's OAuth apps, in order.
    public var clientIDs: [String] { apps.map(\.clientID) }

    func company(_ id: Int64) -> SeedCompany? { companies.first { $0.id == id } }
    func app(clientID: String) -> OAuthApp? { apps.first { $0.clientID == clientID } }
    func user(_ id: Int64) -> SandboxUser? { users.first { $0.id == id } }
}

import Foundation

/// A JSON file holding one configuration's tokens, keyed `<resourceOwnerId>-<configName>` as Mule keys them.
///
/// The file is created with mode 0600 (its directory 0700 when created) and replaced atomically
/// — written to a temporary file in the same directory, flushed, then renamed over the old one —
/// so a crash never leaves a half-written store and tokens survive restarts. Entries of other
/// configurations sharing the file are kept as they are.
///
/// Its methods are synchronous (they satisfy ``TokenStorage``'s async requirements), so code
/// holding the concrete type can read a file without awaiting.
public struct FileTokenStorage: TokenStorage {
    /// The file's path.
    public let path: String
    /// The configuration whose entries this storage reads and writes.
    public let configName: String

    /// A storage for `configName` in the file at `path`.
    public init(path: String, configName: String) {
        self.path = path
        self.configName = configName
    }

    /// The file's path.
    public var location: String { path }

    /// The key of `owner`'s entry: `<owner>-<configName>`.
    public func key(for owner: String) -> String { "\(owner)-\(configName)" }

    /// This configuration's tokens by resource owner; empty when the file does not exist yet.
    public func load() throws(TokenStorageError) -> [String: StoredToken] {
        let suffix = "-\(configName)"
        var tokens: [String: StoredToken] = [:]
        for (key, token) in try readFile().entries where key.hasSuffix(suffix) {
            tokens[String(key.dropLast(suffix.count))] = token
        }
        return tokens
    }

    /// Replaces this configuration's entries with `tokens` (by resource owner), atomically.
    public func save(_ tokens: [String: StoredToken]) throws(TokenStorageError) {
        var file = (try? readFile()) ?? TokenFile(version: 1, entries: [:])
        let suffix = "-\(configName)"
        file.entries = file.entries.filter { !$0.key.hasSuffix(suffix) }
        for (owner, token) in tokens { file.entries[key(for: owner)] = token }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data: Data
        do { data = try encoder.encode(file) } catch {
            throw TokenStorageError(location: path, reason: "could not encode tokens")
        }
        do { try AtomicFile.replace(path, with: data) } catch {
            throw TokenStorageError(location: path, reason: error.reason)
        }
    }

    private func readFile() throws(TokenStorageError) -> TokenFile {
        let data: Data?
        do { data = try AtomicFile.read(path) } catch {
            throw TokenStorageError(location: path, reason: error.reason)
        }
        guard let data else { return TokenFile(version: 1, entries: [:]) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do { return try decoder.decode(TokenFile.self, from: data) } catch {
            throw TokenStorageError(location: path, reason: "is not a token store file")
        }
    }
}

/// The token file's layout.
struct TokenFile: Codable {
    var version: Int
    var entries: [String: StoredToken]
}

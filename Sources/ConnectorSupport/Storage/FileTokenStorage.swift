import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON file holding one configuration's tokens, keyed `<resourceOwnerId>-<configName>` as Mule keys them.
///
/// The file is created with mode 0600 (its directory 0700 when created) and replaced atomically
/// — written to a temporary file in the same directory, flushed, then renamed over the old one —
/// so a crash never leaves a half-written store and tokens survive restarts. Entries of other
/// configurations sharing the file are kept as they are: a file that does not parse is moved
/// aside to `<path>.corrupt-<UTC time>` before a new one is written, and one that cannot be
/// read (permissions, a directory in its place) is never written over.
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
        var file: TokenFile
        do {
            file = try readFile()
        } catch where error.reason == Self.unparsable {
            try moveAsideCorruptFile()
            file = TokenFile(version: 1, entries: [:])
        }
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
            throw TokenStorageError(location: path, reason: Self.unparsable)
        }
    }

    private static let unparsable = "is not a token store file"

    /// Renames the unreadable file to `<path>.corrupt-<yyyyMMdd'T'HHmmss'Z'>`, keeping whatever
    /// other configs' tokens it still holds for the operator to recover.
    private func moveAsideCorruptFile() throws(TokenStorageError) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let aside = "\(path).corrupt-\(formatter.string(from: Date()))"
        guard rename(path, aside) == 0 else {
            throw TokenStorageError(location: path, reason: "is not a token store file and could not be moved aside (\(String(cString: strerror(errno))))")
        }
    }

    /// The file's permission bits (`0o644`) when users other than its owner may read or write
    /// it; nil when it is private or does not exist.
    public func loosePermissions() -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = Int(info.st_mode) & 0o777
        return mode & 0o077 == 0 ? nil : mode
    }

    /// What to tell the operator about a token file others can read, naming the fix:
    /// `Token store '<path>' can be read or written by users other than its owner (mode 644): run chmod 600 '<path>'`.
    public func loosePermissionsProblem(mode: Int) -> TokenStorageError {
        TokenStorageError(location: path, reason: "can be read or written by users other than its owner (mode \(String(mode, radix: 8))): run chmod 600 '\(path)'")
    }
}

/// The token file's layout.
struct TokenFile: Codable {
    var version: Int
    var entries: [String: StoredToken]
}

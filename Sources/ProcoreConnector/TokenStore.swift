import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON file holding one config's tokens, keyed `<resourceOwnerId>-<configName>` as Mule keys them.
///
/// The file is created with mode 0600 (its directory 0700 when created) and replaced atomically
/// — written to a temporary file in the same directory, flushed, then renamed over the old one —
/// so a crash never leaves a half-written store and tokens survive restarts. Entries of other
/// configs sharing the file are kept as they are.
public struct TokenStore: Sendable {
    /// The resource owner used when none is named.
    public static let defaultResourceOwnerId = "default"

    /// The file's path.
    public let path: String
    /// The config whose entries this store reads and writes.
    public let configName: String

    /// A store for `configName` in the file at `path`.
    public init(path: String, configName: String) {
        self.path = path
        self.configName = configName
    }

    /// The key of `owner`'s entry: `<owner>-<configName>`.
    public func key(for owner: String) -> String { "\(owner)-\(configName)" }

    /// This config's tokens by resource owner; empty when the file does not exist yet.
    public func load() throws(TokenStoreError) -> [String: StoredToken] {
        let suffix = "-\(configName)"
        var tokens: [String: StoredToken] = [:]
        for (key, token) in try readFile().entries where key.hasSuffix(suffix) {
            tokens[String(key.dropLast(suffix.count))] = token
        }
        return tokens
    }

    /// Replaces this config's entries with `tokens` (by resource owner), atomically.
    public func save(_ tokens: [String: StoredToken]) throws(TokenStoreError) {
        var file = (try? readFile()) ?? TokenFile(version: 1, entries: [:])
        let suffix = "-\(configName)"
        file.entries = file.entries.filter { !$0.key.hasSuffix(suffix) }
        for (owner, token) in tokens { file.entries[key(for: owner)] = token }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data: Data
        do { data = try encoder.encode(file) } catch {
            throw TokenStoreError(path: path, reason: "could not encode tokens")
        }
        try writeAtomically(data)
    }

    private func readFile() throws(TokenStoreError) -> TokenFile {
        guard FileManager.default.fileExists(atPath: path) else { return TokenFile(version: 1, entries: [:]) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TokenStoreError(path: path, reason: "cannot be read")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do { return try decoder.decode(TokenFile.self, from: data) } catch {
            throw TokenStoreError(path: path, reason: "is not a token store file")
        }
    }

    private func writeAtomically(_ data: Data) throws(TokenStoreError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw TokenStoreError(path: path, reason: "its directory cannot be created")
            }
        }
        let temporary = "\(path).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw TokenStoreError(path: path, reason: "cannot be written (\(String(cString: strerror(errno))))") }
        var ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TokenStoreError(path: path, reason: "cannot be written (\(reason))")
        }
    }
}

/// The token store file's layout.
struct TokenFile: Codable {
    var version: Int
    var entries: [String: StoredToken]
}

/// A token store file that cannot be read or written; names the file and the reason, never a token.
public struct TokenStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `Token store '<path>' <reason>`.
    public var description: String { "Token store '\(path)' \(reason)" }
}

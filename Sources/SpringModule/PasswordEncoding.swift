import ConnectorSupport
import Dispatch

/// A user's stored password as Spring 5's `DelegatingPasswordEncoder` reads it: `{noop}plain`
/// or `{bcrypt}$2a$…`, the encoder's id first.
///
/// Its description never shows the password or hash.
enum PasswordEncoding: Sendable, CustomStringConvertible {
    /// `{noop}`: compared as written.
    case noop(String)
    /// `{bcrypt}`: checked by hashing the candidate with the hash's cost and salt.
    case bcrypt(BCryptHash)

    /// Reads `stored`, the `password` of user `user`; a password without an encoder id, an id
    /// Conduit has no encoder for or a malformed bcrypt hash is an error naming the user, never
    /// the password.
    init(_ stored: String, user: String) throws(PasswordProblem) {
        guard stored.hasPrefix("{"), let close = stored.firstIndex(of: "}") else {
            throw PasswordProblem("Password of user '\(user)' has no encoder id, which Spring 5 refuses (\"There is no PasswordEncoder mapped for the id \\\"null\\\"\"): write {noop} before a plain password, or {bcrypt} before a bcrypt hash.")
        }
        let id = String(stored[stored.index(after: stored.startIndex)..<close])
        let encoded = String(stored[stored.index(after: close)...])
        switch id {
        case "noop":
            self = .noop(encoded)
        case "bcrypt":
            guard BCryptHash.isAvailable else {
                throw PasswordProblem("Password of user '\(user)' is a {bcrypt} hash, which Conduit checks with libxcrypt, not available on this platform.")
            }
            guard let hash = BCryptHash(encoded) else {
                throw PasswordProblem("Password of user '\(user)' is not a bcrypt hash: {bcrypt} must be followed by $2a$, $2b$ or $2y$, a cost from 04 to 31, '$' and 53 characters of bcrypt's Base64.")
            }
            self = .bcrypt(hash)
        default:
            throw PasswordProblem("Password of user '\(user)' uses encoder {\(id)}, which Conduit does not support: use {noop} or {bcrypt}.")
        }
    }

    /// Whether `candidate` is the password, comparing in time that does not depend on where
    /// they differ.
    func matches(_ candidate: String) -> Bool {
        switch self {
        case .noop(let password): ConstantTime.equal(candidate, password)
        case .bcrypt(let hash): hash.matches(candidate)
        }
    }

    /// ``matches(_:)`` off the concurrency pool for a bcrypt hash, whose check keeps a core
    /// busy for a long while (about 0.1 s at cost 10 here): a few concurrent logins must not
    /// stall every other flow, which share the pool's few threads.
    func check(_ candidate: String) async -> Bool {
        guard case .bcrypt = self else { return matches(candidate) }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: matches(candidate)) }
        }
    }

    var description: String {
        switch self {
        case .noop: "{noop} password (hidden)"
        case .bcrypt: "{bcrypt} hash (hidden)"
        }
    }
}

/// Why a stored password cannot be used; its text never contains the password.
struct PasswordProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

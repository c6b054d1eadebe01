/// Why a sandbox could not start: a bad seed or data file (naming the place, e.g.
/// `companies[0].offices[1]: 'id' is missing`), or an address it could not listen on.
public struct SandboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and where.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

import FlowCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--data` file: the sandbox's state as JSON, replaced atomically (write a temporary file
/// beside it, then rename over it) so a crash never leaves half a file. It holds live tokens, so
/// it is readable by its owner only, and its directory is created when missing.
struct StateFile: Sendable {
    static let format = "conduit-procore-sandbox"
    let path: String

    /// The saved state, or nil when the file does not exist yet.
    func read() throws(SandboxError) -> Value? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SandboxError("cannot read sandbox data file \(path): \(error.localizedDescription)")
        }
        let value: Value
        do {
            value = try JSON.decode([UInt8](data))
        } catch {
            throw SandboxError("sandbox data file \(path) is not valid JSON: \(error)")
        }
        guard value["format"]?.stringValue == Self.format else {
            throw SandboxError("\(path) is not a sandbox data file (its \"format\" is not \"\(Self.format)\")")
        }
        return value
    }

    func write(_ value: Value) throws(SandboxError) {
        let temporary = "\(path).tmp-\(getpid())"
        let bytes = Data(JSON.encodePretty(value).utf8 + [0x0A])
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw SandboxError("cannot create the directory of sandbox data file \(path): \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: temporary, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw SandboxError("cannot write sandbox data file \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SandboxError("cannot replace sandbox data file \(path): \(reason)")
        }
    }
}

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
/// beside it, then rename over it) so a crash never leaves half a file.
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
        do {
            try bytes.write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw SandboxError("cannot write sandbox data file \(temporary): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SandboxError("cannot replace sandbox data file \(path): \(reason)")
        }
    }
}

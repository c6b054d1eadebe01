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
        // Created with mode 0600 by open(2) itself: FileManager.createFile writes the file with
        // the default mode (0644 under the usual umask) and only then applies the attributes, so
        // the tokens in it were readable by everyone for a moment. O_EXCL|O_NOFOLLOW refuse a
        // file or symlink someone planted at the temporary name.
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw SandboxError("cannot write sandbox data file \(temporary): \(String(cString: strerror(errno)))")
        }
        var written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        written = fsync(descriptor) == 0 && written
        written = close(descriptor) == 0 && written
        guard written else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SandboxError("cannot write sandbox data file \(temporary): \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SandboxError("cannot replace sandbox data file \(path): \(reason)")
        }
    }
}

/// `write(2)`, named apart from the methods called `write` in this file.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

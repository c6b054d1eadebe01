import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files that hold secrets or state: mode 0600 (the directory 0700 when created), and
/// replaced atomically — written to a temporary file in the same directory, flushed, then renamed
/// over the old one — so a crash never leaves a half-written file.
enum AtomicFile {
    /// Why a write failed, as a phrase that follows the file's name (`cannot be written (…)`).
    struct Failure: Error {
        var reason: String
    }

    /// Replaces the file at `path` with `data`.
    static func replace(_ path: String, with data: Data) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(reason: "its directory cannot be created")
            }
        }
        let temporary = "\(path).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw Failure(reason: "cannot be written (\(String(cString: strerror(errno))))") }
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
            throw Failure(reason: "cannot be written (\(reason))")
        }
    }

    /// The file's bytes, or nil when it does not exist.
    static func read(_ path: String) throws(Failure) -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Failure(reason: "cannot be read")
        }
    }
}

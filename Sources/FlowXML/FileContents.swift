#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls, reporting failures in the operating system's words.
enum FileContents {
    /// Why a file could not be read (for example "No such file or directory").
    struct ReadError: Error {
        let reason: String
    }

    /// The largest configuration file read (10 MiB): Mule configurations are a few hundred
    /// kilobytes at most, and a mistaken path must not fill memory.
    static let maximumSize = 10 * 1024 * 1024

    /// The bytes of the regular file at `path`, at most ``maximumSize`` of them; a device, FIFO
    /// or directory (`/dev/zero`, which never ends) is refused before anything is read.
    static func bytes(atPath path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw currentError() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw currentError() }
        guard status.st_mode & S_IFMT == S_IFREG else {
            // A directory keeps the operating system's words, as reading one used to report.
            throw ReadError(reason: status.st_mode & S_IFMT == S_IFDIR ? String(cString: strerror(EISDIR)) : "it is not a regular file")
        }
        guard Int(status.st_size) <= maximumSize else { throw tooLarge() }
        var contents: [UInt8] = []
        if status.st_size > 0 {
            contents.reserveCapacity(Int(status.st_size))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return contents }
            if count < 0 {
                if errno == EINTR { continue }
                throw currentError()
            }
            // Files whose size says nothing (procfs) are still cut off.
            guard contents.count + count <= maximumSize else { throw tooLarge() }
            contents.append(contentsOf: chunk[0..<count])
        }
    }

    private static func tooLarge() -> ReadError {
        ReadError(reason: "it is larger than \(maximumSize / 1024 / 1024) MiB")
    }

    private static func currentError() -> ReadError {
        ReadError(reason: String(cString: strerror(errno)))
    }
}

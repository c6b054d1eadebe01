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

    /// The bytes of the file at `path`.
    static func bytes(atPath path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw currentError() }
        defer { close(descriptor) }
        var contents: [UInt8] = []
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_size > 0 {
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
            contents.append(contentsOf: chunk[0..<count])
        }
    }

    private static func currentError() -> ReadError {
        ReadError(reason: String(cString: strerror(errno)))
    }
}

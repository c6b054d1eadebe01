#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A loopback port that refuses connections for as long as this value is kept open.
///
/// A port found free and then released can be taken by a server another test starts in
/// parallel, so a test expecting "Connection refused" met a 404 instead. A TCP socket that is
/// bound but never listens keeps the port from everyone else, and Linux refuses connections to it.
public final class ReservedPort: @unchecked Sendable {
    /// The reserved port number.
    public let port: Int
    private var descriptor: Int32

    /// Binds a fresh socket to `127.0.0.1:0` without listening on it.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ReservedPortError(message: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw ReservedPortError(message: "bind() failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw ReservedPortError(message: "getsockname() failed: errno \(errno)")
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Gives the port up (so a test can start a server on it); closing twice does nothing.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

/// Why a ``ReservedPort`` could not be made.
public struct ReservedPortError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

import AsyncHTTPClient
import FlowCore
import FlowEngine
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A request that got no usable answer, as Mule reports it (mule-components §2.6): no response
/// within the timeout is `HTTP:TIMEOUT` (`Timeout exceeded`), any other transport failure
/// (refused, reset, TLS) is `HTTP:CONNECTIVITY`; the description reads
/// `HTTP GET on resource '<uri>' failed: <cause>.`
enum TransportFailure {
    /// The cause of a connection the server closed or reset, Mule's words for it.
    static let remotelyClosed = "Remotely closed"

    /// The type and a short, secret-free cause. Timeouts are told from other failures by
    /// AsyncHTTPClient's own errors; socket errors by their errno.
    static func classify(_ error: any Error) -> (identifier: String, cause: String) {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return ("TIMEOUT", "Timeout exceeded")
            case .connectTimeout: return ("CONNECTIVITY", "Connect timeout")
            case .remoteConnectionClosed: return ("CONNECTIVITY", remotelyClosed)
            case .redirectLimitReached: return ("CONNECTIVITY", "Too many redirects")
            case .redirectCycleDetected: return ("CONNECTIVITY", "Redirect cycle detected")
            case .invalidURL, .emptyHost, .emptyScheme: return ("CONNECTIVITY", "Invalid URL")
            case .tlsHandshakeTimeout: return ("CONNECTIVITY", "TLS handshake timeout")
            default: return ("CONNECTIVITY", short(String(describing: error)))
            }
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first?.error { return classify(first) }
            return ("CONNECTIVITY", "Couldn't resolve address")
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return ("CONNECTIVITY", "Connection refused")
            case ECONNRESET, EPIPE: return ("CONNECTIVITY", remotelyClosed)
            default: return ("CONNECTIVITY", short(String(describing: error)))
            }
        }
        if let error = error as? ChannelError, [.ioOnClosedChannel, .outputClosed, .eof, .alreadyClosed].contains(error) {
            return ("CONNECTIVITY", remotelyClosed)
        }
        // A connection closed before the body announced by Content-Length was complete.
        if let error = error as? HTTPParserError, error == .invalidEOFState {
            return ("CONNECTIVITY", remotelyClosed)
        }
        if error is NIOSSLError || error is BoringSSLError {
            return ("CONNECTIVITY", "TLS handshake failed: \(short(String(describing: error)))")
        }
        if error is CancellationError { return ("CONNECTIVITY", "Request cancelled") }
        return ("CONNECTIVITY", short(String(describing: error)))
    }

    /// Whether `error` means the connection was never established (refused, connect timeout, a
    /// name that does not resolve): nothing of the request reached the server, so sending it
    /// again cannot duplicate it.
    static func isEstablishmentFailure(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError { return error == .connectTimeout }
        if error is NIOConnectionError { return true }
        if let error = error as? IOError { return [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH].contains(error.errnoCode) }
        return false
    }

    private static func short(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}

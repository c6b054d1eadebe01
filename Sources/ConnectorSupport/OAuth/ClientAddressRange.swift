#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of an address allow-list: an IPv4 or IPv6 address, or a CIDR range
/// (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`).
public struct ClientAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The network's bytes (4 or 16).
    let network: [UInt8]
    /// How many leading bits must match.
    let prefixLength: Int
    /// The entry as written.
    public let description: String

    /// Parses an entry; nil when it is not an address or a CIDR range.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharactersInSpaces()
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...bits).contains(parsed) else { return nil }
            length = parsed
        }
        network = bytes
        prefixLength = length
        description = trimmed
    }

    /// Parses a comma-separated list; the entries that are not addresses are returned apart.
    public static func list(_ text: String) -> (ranges: [ClientAddressRange], invalid: [String]) {
        var ranges: [ClientAddressRange] = [], invalid: [String] = []
        for entry in text.split(separator: ",") {
            let item = String(entry).trimmingCharactersInSpaces()
            guard !item.isEmpty else { continue }
            if let range = ClientAddressRange(item) { ranges.append(range) } else { invalid.append(item) }
        }
        return (ranges, invalid)
    }

    /// Whether `address` (an IP address without port) is in this range; an IPv4-mapped IPv6
    /// address (`::ffff:127.0.0.1`) counts as its IPv4 address.
    public func contains(_ address: String) -> Bool {
        guard var bytes = Self.bytes(of: address) else { return false }
        if bytes.count == 16, network.count == 4, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            bytes = Array(bytes[12...])
        }
        guard bytes.count == network.count else { return false }
        var remaining = prefixLength
        for index in 0..<bytes.count where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : UInt8(truncatingIfNeeded: 0xFF << (8 - remaining))
            if bytes[index] & mask != network[index] & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// The IP address of a listener's `remoteAddress` attribute (`/127.0.0.1:51234`, `/::1:51234`):
    /// the part between the leading slash and the last colon.
    public static func host(ofRemoteAddress remote: String) -> String {
        var text = Substring(remote)
        if text.hasPrefix("/") { text = text.dropFirst() }
        if let colon = text.lastIndex(of: ":") { text = text[..<colon] }
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        return String(text)
    }

    private static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingCharactersInSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

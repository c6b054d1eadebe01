import Foundation

/// The address rule of `is-ip`: an IPv4 dotted quad or an IPv6 address, as commons-validator's
/// `InetAddressValidator` (which Mule uses) accepts them.
enum IPAddress {
    /// Whether `text` is an IPv4 or IPv6 address.
    static func isValid(_ text: String) -> Bool {
        isIPv4(text) || isIPv6(text)
    }

    /// Four decimal numbers 0–255 separated by dots (`192.168.0.1`); a leading zero is allowed
    /// only in `0` itself, so `01.2.3.4` is rejected.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy({ ("0"..."9").contains($0) }),
                  let number = Int(part), number <= 255
            else { return false }
            return part.count == 1 || part.first != "0"
        }
    }

    /// Eight groups of 1–4 hexadecimal digits separated by `:`, one run of zero groups written
    /// `::`, optionally ending with an IPv4 address worth two groups (`::ffff:192.0.2.1`); a zone
    /// (`%eth0`) is accepted after the address.
    static func isIPv6(_ text: String) -> Bool {
        var address = Substring(text)
        if let percent = address.firstIndex(of: "%") {
            guard address.index(after: percent) < address.endIndex else { return false }
            address = address[..<percent]
        }
        guard address.contains(":") else { return false }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (position, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                let isLastOfAddress = position == halves.count - 1 && index == parts.count - 1
                if isLastOfAddress, part.contains(".") {
                    guard isIPv4(String(part)) else { return false }
                    groups += 2
                    continue
                }
                guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }
}

import FlowCore
import Foundation

/// Reads `a=1&b=x+y&a=2` into an object that keeps every value under its name, in order (the
/// MultiMap Mule calls `queryParams`: `.a` gives the first value). Form bodies
/// (`application/x-www-form-urlencoded`) are read the same way, as DataWeave reads them.
enum QueryParameters {
    static func parse(_ query: String) -> ValueObject {
        var result = ValueObject()
        guard !query.isEmpty else { return result }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            result.append(name, .string(value))
        }
        return result
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

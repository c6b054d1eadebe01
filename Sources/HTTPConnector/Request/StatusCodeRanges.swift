import Foundation

/// The `values` of a status-code validator: comma-separated codes and inclusive ranges
/// (`200..299,404`), each item trimmed, as Mule's `RangeStatusCodeValidator` reads them.
struct StatusCodeRanges: Sendable, Hashable {
    /// The inclusive ranges, in the order written.
    let ranges: [ClosedRange<Int>]

    /// Why `values` could not be read; the text says what was expected.
    struct Malformed: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// Parses `text`. Mule only fails when the validator first runs; Conduit reports a bad
    /// list while the app loads, where it is written.
    init(parsing text: String) throws(Malformed) {
        var ranges: [ClosedRange<Int>] = []
        for rawItem in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            let bounds = item.components(separatedBy: "..")
            guard bounds.count <= 2, let low = Self.code(bounds[0]), let high = Self.code(bounds.last ?? "") else {
                throw Malformed(description: "Invalid status code '\(item)' in values '\(text)': expected status codes (100 to 599) or ranges such as 200..299, separated by commas.")
            }
            guard low <= high else {
                throw Malformed(description: "Invalid status code range '\(item)' in values '\(text)': the range ends before it starts.")
            }
            ranges.append(low...high)
        }
        self.ranges = ranges
    }

    /// Ranges given directly.
    init(_ ranges: [ClosedRange<Int>]) {
        self.ranges = ranges
    }

    /// Whether `status` is one of the codes.
    func contains(_ status: Int) -> Bool {
        ranges.contains { $0.contains(status) }
    }

    /// A status code written in `values`: digits only, at most three of them, so a huge number
    /// cannot overflow. `0` is allowed because Mule's own default is `0..399`.
    private static func code(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 3, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(trimmed) else { return nil }
        return value
    }
}

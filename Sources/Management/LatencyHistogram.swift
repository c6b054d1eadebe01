/// Counts of durations in fixed buckets, growing by a quarter from 100 µs to about two minutes:
/// enough to read a p50 or p99 within a bucket's width (25 %) from a few hundred bytes, whatever
/// the traffic.
struct LatencyHistogram: Sendable {
    /// The upper bounds in seconds; a duration past the last one counts in the last bucket.
    static let bounds: [Double] = (0..<64).map { 0.0001 * pow125($0) }

    private static func pow125(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 1.25 }
        return value
    }

    private(set) var counts = [UInt32](repeating: 0, count: LatencyHistogram.bounds.count)
    private(set) var total = 0

    mutating func record(seconds: Double) {
        // Binary search: the first bound not below the duration.
        var low = 0
        var high = Self.bounds.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Self.bounds[middle] < seconds { low = middle + 1 } else { high = middle }
        }
        counts[low] &+= 1
        total += 1
    }

    mutating func add(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        total += other.total
    }

    /// The upper bound of the bucket holding the `quantile` (0…1) of the durations; nil when empty.
    func quantile(_ quantile: Double) -> Double? {
        guard total > 0 else { return nil }
        let rank = max(1, Int((quantile * Double(total)).rounded(.up)))
        var seen = 0
        for (index, count) in counts.enumerated() {
            seen += Int(count)
            if seen >= rank { return Self.bounds[index] }
        }
        return Self.bounds.last
    }
}

import Foundation

extension Decimal {
    /// Whether the number lies between `-bound` and `bound`, both included: decided from its
    /// parts (``CompactDecimal``) with 64-bit integers when they fit, which Foundation's own
    /// comparison (128-bit arithmetic, about 3,000 instructions a range check) does not need;
    /// by that comparison otherwise. NaN is in no range.
    public func magnitude(isAtMost bound: UInt64) -> Bool {
        if let parts = CompactDecimal(self), let answer = parts.magnitude(isAtMost: bound) { return answer }
        let limit = Decimal(bound)
        return self >= -limit && self <= limit
    }
}

extension CompactDecimal {
    /// Whether mantissa × 10^exponent is at most `bound`, exactly; nil when deciding it would
    /// need more than 64 bits.
    func magnitude(isAtMost bound: UInt64) -> Bool? {
        if mantissa == 0 { return true }
        if exponent >= 0 {
            // At least 10^20 beyond this, above any 64-bit bound.
            guard exponent <= 19 else { return false }
            let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: Self.powerOfTen(exponent))
            return !overflow && scaled <= bound
        }
        guard -exponent <= 19 else { return nil }
        let (limit, overflow) = bound.multipliedReportingOverflow(by: Self.powerOfTen(-exponent))
        return overflow ? nil : mantissa <= limit
    }

    /// 10^`power`, for `power` from 0 to 19 (10^19 is the largest that fits 64 bits).
    private static func powerOfTen(_ power: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<power { result &*= 10 }
        return result
    }
}

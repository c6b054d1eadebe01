/// Comparison of secrets (nonces, passwords) whose time does not depend on where they differ.
public enum ConstantTime {
    /// Whether `a` and `b` are equal, looking at every byte of the longer one; only the lengths
    /// can be told apart by timing.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}

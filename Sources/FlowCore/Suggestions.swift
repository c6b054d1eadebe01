/// "Did you mean" for names: the closest candidate by edit distance, when it is close enough to
/// be a plausible typo. Shared by the loader (element and attribute names) and the expression
/// compiler (function and variable names).
public enum Suggestions {
    /// The best candidate for `word`, or nil when none is within a third of its length (min. 2),
    /// or within `within` edits when given.
    public static func closest(to word: String, among candidates: some Sequence<String>, within: Int? = nil) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = within ?? max(2, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// ` Did you mean 'x'?` or an empty string.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

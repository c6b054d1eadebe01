/// Finds where a bracketed piece of expression code ends without parsing it, skipping string
/// literals (and the `$(…)` code inside them), so that `#[…]` in templates and `$(…)` in strings
/// can be cut out before they are lexed.
enum CodeScanner {
    /// How deeply strings and interpolations may nest before the scan gives up.
    static let maximumNesting = 64

    /// The offset of `closer` that closes the code starting at `start`, or nil when the text ends
    /// first. Brackets opened inside the code must be closed before `closer` counts.
    static func findClosing(_ closer: Unicode.Scalar, in scalars: [Unicode.Scalar], from start: Int,
                            nesting: Int = 0) -> Int? {
        guard nesting < maximumNesting else { return nil }
        var open: [Unicode.Scalar] = []
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"", "'":
                guard let after = endOfString(in: scalars, at: index, nesting: nesting + 1) else { return nil }
                index = after
                continue
            case "/" where index + 1 < scalars.count && scalars[index + 1] == "/":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            case "/" where index + 1 < scalars.count && scalars[index + 1] == "*":
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { index += 1 }
                index += 2
                continue
            case "(": open.append(")")
            case "[": open.append("]")
            case "{": open.append("}")
            case ")", "]", "}":
                if open.isEmpty {
                    if scalar == closer { return index }
                } else {
                    open.removeLast()
                }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The offset just after the string literal whose opening quote is at `quoteIndex`, or nil
    /// when it is not closed.
    static func endOfString(in scalars: [Unicode.Scalar], at quoteIndex: Int, nesting: Int = 0) -> Int? {
        guard nesting < maximumNesting else { return nil }
        let quote = scalars[quoteIndex]
        var index = quoteIndex + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if scalar == quote { return index + 1 }
            if scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "(" {
                guard let close = findClosing(")", in: scalars, from: index + 2, nesting: nesting + 1) else { return nil }
                index = close + 1
                continue
            }
            index += 1
        }
        return nil
    }
}

/// HTML escaping for the few pages and messages Conduit writes (listener errors, OAuth pages,
/// the sandbox's consent page), so that text from a request can never become markup.
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by entities.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

import FlowCore

extension Value {
    /// The DataWeave type name with its article, for messages: `an Object`, `a String`.
    var typeNameWithArticle: String {
        let name = typeName
        return (name.first.map { "AEIOU".contains($0) } ?? false ? "an " : "a ") + name
    }
}

/// Names the XML reader and writer (and the JSON writer's `writeAttributes`) agree on.
enum XMLNames {
    /// The key under which an element's text is kept when it also has child elements (mixed
    /// content), as DataWeave's JSON writer names it with `writeAttributes`.
    static let textKey = "__text"
    /// `xsi:nil="true"` marks a null element.
    static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}

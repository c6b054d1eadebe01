import FlowCore
import FlowXML

/// The file name every in-memory test document is parsed as.
let testFile = "app.xml"

/// Parses `text` as `app.xml`.
func parse(_ text: String) throws(XMLParseError) -> XMLElement {
    try XMLDocumentParser.parse(Array(text.utf8), file: testFile)
}

/// The error description parsing `bytes` gives, or `nil` when it parses.
func parseFailure(_ bytes: [UInt8]) -> String? {
    do {
        _ = try XMLDocumentParser.parse(bytes, file: testFile)
        return nil
    } catch {
        return error.description
    }
}

/// `line:column` of a location, for compact expectations.
func position(_ location: SourceLocation?) -> String? {
    location.map { "\($0.line):\($0.column)" }
}

extension XMLElement {
    /// The elements of this tree in document order.
    var allElements: [XMLElement] { [self] + children.flatMap(\.allElements) }

    /// The first element of this tree with this qualified name.
    func first(_ qualifiedName: String) -> XMLElement? {
        allElements.first { $0.qualifiedName == qualifiedName }
    }
}

import FlowCore

/// Reads Mule configuration files into `XMLElement` trees, safely.
///
/// libxml2 parses with network access off, no entity substitution and no DTD processing; any
/// DOCTYPE is refused, so entity attacks (XXE, "billion laughs") cannot start. Files must be UTF-8.
/// Every element and attribute comes back with its file, line and column; malformed XML becomes an
/// `XMLParseError` whose description is `file:line:col: error: reason`. Safe to call from several
/// tasks at once.
public enum XMLDocumentParser {
    /// Parses a whole document held in memory and returns its root element.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents, UTF-8.
    ///   - file: the name to put in locations, as the user should see it.
    public static func parse(_ bytes: [UInt8], file: String) throws(XMLParseError) -> XMLElement {
        let result: Result<XMLElement, XMLParseError> = bytes.withUnsafeBufferPointer { buffer in
            if let problem = InputScreening.problem(in: buffer, file: file) { return .failure(problem) }
            do throws(XMLParseError) {
                return .success(try LibXML2Reader.read(buffer, file: file))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads the file at `path` and parses it; locations and errors name it `displayName`.
    public static func parse(contentsOf path: String, displayName: String) throws(XMLParseError) -> XMLElement {
        let bytes: [UInt8]
        do {
            bytes = try FileContents.bytes(atPath: path)
        } catch {
            throw XMLParseError(
                location: SourceLocation(file: displayName, line: 1, column: 1),
                reason: "cannot read file: \(error.reason)")
        }
        return try parse(bytes, file: displayName)
    }
}

import CLibXML2
import FlowCore

/// The only place Conduit talks to libxml2: one private parser context per parse, a document
/// tree copied into Swift values, everything freed before returning.
///
/// Safety settings: `XML_PARSE_NONET` (no network, ever), no entity substitution, no DTD loading,
/// validation, XInclude, `HUGE` or recovery; errors and warnings are not printed but collected from
/// this context only (never libxml2's process-wide last error, which other parses may overwrite).
/// A DOCTYPE stops the parser the moment libxml2 sees one. Concurrent parses are safe: libxml2 is
/// initialised once and each parse owns its context, dictionary and document.
enum LibXML2Reader {
    /// The namespace of Studio's `doc:name`, `doc:id`, … metadata, which Conduit ignores.
    static let documentationNamespace = "http://www.mulesoft.org/schema/mule/documentation"

    /// libxml2's global set-up, done exactly once per process before the first parse.
    private static let initialized: Void = xmlInitParser()

    /// The options of every parse; see the type's documentation for what is deliberately absent.
    /// `COMPACT` only changes how libxml2 stores short text, saving allocations.
    private static let options = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parses a document that passed `InputScreening` and returns its root element.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(XMLParseError) -> XMLElement {
        _ = initialized
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw XMLParseError(location: start, reason: "Document is empty")
        }
        guard let size = Int32(exactly: bytes.count) else {
            throw XMLParseError(location: start, reason: "file is too large to parse (\(bytes.count) bytes)")
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(location: start, reason: "out of memory creating the XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        // Without its own handler block the context could not stop at a DOCTYPE: refuse to parse.
        guard let handler = context.pointee.sax else {
            throw XMLParseError(location: start, reason: "out of memory creating the XML parser")
        }
        handler.pointee.serror = recordProblem
        handler.pointee.internalSubset = stopAtDoctype
        handler.pointee.externalSubset = stopAtDoctype
        let collector = ParseProblems(file: file)
        return try withExtendedLifetime(collector) { () throws(XMLParseError) -> XMLElement in
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlCtxtReadMemory(context, $0, size, nil, nil, options)
            }
            defer { if let document { xmlFreeDoc(document) } }
            context.pointee._private = nil

            if let problem = collector.first { throw collector.pinpointed(problem, in: bytes) }
            guard let document, context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0 else {
                throw lastError(of: context, file: file)
            }
            guard let root = xmlDocGetRootElement(document) else {
                throw XMLParseError(location: start, reason: "Document has no root element")
            }
            let lexed = MarkupLexer.lex(bytes, file: file)
            var builder = TreeBuilder(bytes: bytes, lexed: lexed, file: file)
            return try builder.element(root)
        }
    }

    /// The context's last error, for failures that somehow did not pass through `recordProblem`.
    private static func lastError(of context: xmlParserCtxtPtr, file: String) -> XMLParseError {
        if let error = xmlCtxtGetLastError(context), error.pointee.code != 0 {
            return ParseProblems.parseError(from: error.pointee, file: file)
        }
        return XMLParseError(location: SourceLocation(file: file, line: 1, column: 1), reason: "malformed XML")
    }
}

/// The problems libxml2 reported during one parse; only the first error is kept, because later ones
/// are usually consequences of it.
private final class ParseProblems {
    let file: String
    var first: XMLParseError?
    /// For an error libxml2 notices at the end of a start tag (namespaces, duplicate attributes),
    /// the byte offset it had reached inside that tag.
    var startTagErrorOffset: Int?
    /// For an error about one attribute, its qualified name and which of its occurrences in the
    /// tag to point at (the second one for a duplicate).
    var startTagErrorAttribute: (name: String, occurrence: Int)?
    /// Whether the first error is libxml2's bare "attributes construct error": something other
    /// than whitespace, `>` or `/>` right after an attribute's closing quote.
    var textAfterAttributeValue = false

    init(file: String) { self.file = file }

    /// `problem` moved from where libxml2 noticed it (the end of a start tag) to the attribute it
    /// is about, or else to the element's `<`.
    func pinpointed(_ problem: XMLParseError, in bytes: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        if textAfterAttributeValue { return explainedTextAfterValue(problem, in: bytes) }
        guard let offset = startTagErrorOffset,
            let (tag, attributes) = MarkupLexer.startTag(around: offset, in: bytes, file: file)
        else { return problem }
        var location = tag.location
        if let (name, occurrence) = startTagErrorAttribute {
            let matching = attributes.filter { attribute in
                attribute.name.upperBound <= bytes.count && bytes[attribute.name].elementsEqual(name.utf8)
            }
            if matching.count >= occurrence { location = matching[occurrence - 1].location }
        }
        return XMLParseError(location: location, reason: problem.reason)
    }

    /// libxml2's "attributes construct error" with what it means. The usual cause in Mule apps is
    /// a quote escaped with a backslash inside a value (`'yyyy-MM-dd\'T\''`, as DataWeave writes
    /// it): XML has no backslash escapes, so that quote ends the value.
    private func explainedTextAfterValue(_ problem: XMLParseError, in bytes: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        let location = problem.location
        var index = MarkupLexer.byteOrderMarkLength(bytes)
        var line = 1
        while index < bytes.count, line < location.line {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        // libxml2's column is 1-based and counts characters; the closing quote is just before it.
        var quote = index
        var characters = 0
        while quote < bytes.count, bytes[quote] != 0x0A {
            if bytes[quote] & 0xC0 != 0x80 {
                if characters == location.column - 2 { break }
                characters += 1
            }
            quote += 1
        }
        guard quote >= 1, quote < bytes.count, bytes[quote] == UInt8(ascii: "\"") || bytes[quote] == UInt8(ascii: "'") else {
            return XMLParseError(location: location,
                                 reason: "attributes construct error: expected whitespace, '>' or '/>' after an attribute value")
        }
        let quoteText = bytes[quote] == UInt8(ascii: "'") ? "'" : "\""
        let reference = quoteText == "'" ? "&apos;" : "&quot;"
        let reason = bytes[quote - 1] == UInt8(ascii: "\\")
            ? "the attribute value ends at this \(quoteText) but the tag goes on; the \\\(quoteText) before it is not an escape in XML: write \(reference) for a quote inside a value"
            : "expected whitespace, '>' or '/>' after this \(quoteText), which ends the attribute value; if the quote belongs to the value, write it \(reference)"
        return XMLParseError(location: location.advanced(by: -1),
                             reason: "attributes construct error: \(reason)")
    }

    /// Turns one of libxml2's structured errors into a located, one-line error.
    static func parseError(from error: xmlError, file: String) -> XMLParseError {
        let message = error.message.map { String(cString: $0) } ?? "malformed XML"
        let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let reason = firstLine.trimmingWhitespace()
        return XMLParseError(
            location: SourceLocation(file: file, line: max(Int(error.line), 1), column: max(Int(error.int2), 1)),
            reason: reason.isEmpty ? "malformed XML" : reason)
    }

    /// The problems of the parse `userData` (libxml2 passes the parser context) belongs to.
    static func of(_ userData: UnsafeMutableRawPointer?) -> (ParseProblems, xmlParserCtxtPtr)? {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
            let problems = context.pointee._private
        else { return nil }
        return (Unmanaged<ParseProblems>.fromOpaque(problems).takeUnretainedValue(), context)
    }
}

/// libxml2's structured-error callback: keeps the first error or fatal error, ignores warnings.
private let recordProblem: xmlStructuredErrorFunc = { userData, error in
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
        let (problems, context) = ParseProblems.of(userData), problems.first == nil
    else { return }
    let details = error.pointee
    problems.first = ParseProblems.parseError(from: details, file: problems.file)
    let strings = [details.str1, details.str2, details.str3].map { $0.map { String(cString: $0) } }
    if details.domain == Int32(XML_FROM_NAMESPACE.rawValue) {
        problems.startTagErrorOffset = byteOffset(of: context)
        // "Namespace prefix %s for %s on %s is not defined": prefix, attribute, element.
        if details.code == Int32(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue), strings[2] != nil,
            let prefix = strings[0], let name = strings[1]
        {
            problems.startTagErrorAttribute = (prefix + ":" + name, 1)
        }
    } else if details.code == Int32(XML_ERR_SPACE_REQUIRED.rawValue), problems.first?.reason == "attributes construct error" {
        problems.textAfterAttributeValue = true
    } else if details.code == Int32(XML_ERR_ATTRIBUTE_REDEFINED.rawValue), let first = strings[0] {
        // "Attribute %s redefined" (name) or "Attribute %s:%s redefined" (prefix, name).
        problems.startTagErrorOffset = byteOffset(of: context)
        problems.startTagErrorAttribute = (strings[1].map { first + ":" + $0 } ?? first, 2)
    }
}

/// How far into the document's bytes the parser has got, if libxml2 can tell.
private func byteOffset(of context: xmlParserCtxtPtr) -> Int? {
    let offset = xmlByteConsumed(context)
    return offset >= 0 ? Int(offset) : nil
}

/// libxml2's DOCTYPE callbacks: refuse the document and stop before any entity is declared or
/// any external subset is looked at.
private let stopAtDoctype: internalSubsetSAXFunc = { userData, _, _, _ in
    guard let (problems, context) = ParseProblems.of(userData) else { return }
    if problems.first?.reason != InputScreening.doctypeReason {
        let input = context.pointee.input?.pointee
        problems.first = XMLParseError(
            location: SourceLocation(
                file: problems.file, line: max(Int(input?.line ?? 1), 1), column: max(Int(input?.col ?? 1), 1)),
            reason: InputScreening.doctypeReason)
    }
    xmlStopParser(context)
}

/// Copies libxml2's tree into `XMLElement`s, taking columns from the lexer's scan of the same bytes.
private struct TreeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexed: LexedDocument
    let file: String
    /// The next start tag of the lexer's list; a pre-order walk meets elements in that order.
    var nextTag = 0
    /// Namespace URIs and prefixes, converted once per declaration rather than once per element.
    var namespaces: [UnsafeMutableRawPointer: (uri: String?, prefix: String?)] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>, lexed: LexedDocument, file: String) {
        self.bytes = bytes
        self.lexed = lexed
        self.file = file
    }

    mutating func element(_ node: xmlNodePtr) throws(XMLParseError) -> XMLElement {
        let (uri, prefix) = namespace(node.pointee.ns)
        let localName = string(node.pointee.name)
        guard nextTag < lexed.tags.count else {
            throw inconsistency(at: SourceLocation(file: file, line: 1, column: 1), name: localName)
        }
        let tag = lexed.tags[nextTag]
        nextTag += 1
        guard matches(tag.name, prefix: prefix, localName: localName) else {
            throw inconsistency(at: tag.location, name: localName)
        }

        var attributes: [XMLAttribute] = []
        var lexedIndex = tag.attributes.lowerBound
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            while lexedIndex < tag.attributes.upperBound, lexed.attributes[lexedIndex].isNamespaceDeclaration {
                lexedIndex += 1
            }
            let (attributeURI, attributePrefix) = namespace(attribute.pointee.ns)
            let attributeName = string(attribute.pointee.name)
            guard lexedIndex < tag.attributes.upperBound,
                matches(lexed.attributes[lexedIndex].name, prefix: attributePrefix, localName: attributeName)
            else { throw inconsistency(at: tag.location, name: attributeName) }
            let positions = lexed.attributes[lexedIndex]
            lexedIndex += 1
            if attributeURI == LibXML2Reader.documentationNamespace { continue }
            attributes.append(
                XMLAttribute(
                    namespaceURI: attributeURI, prefix: attributePrefix, localName: attributeName,
                    value: textContent(attribute.pointee.children),
                    location: positions.location, valueMap: positions.valueMap))
        }

        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(try element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break  // comments and processing instructions carry nothing Mule reads
            }
        }
        var declarations: [XMLNamespaceDeclaration] = []
        var declaration = node.pointee.nsDef
        while let current = declaration {
            declaration = current.pointee.next
            if let href = current.pointee.href {
                declarations.append(XMLNamespaceDeclaration(prefix: current.pointee.prefix.map { String(cString: $0) } ?? "", uri: String(cString: href)))
            }
        }
        return XMLElement(
            namespaceURI: uri, prefix: prefix, localName: localName, attributes: attributes,
            children: children, text: text, textLocation: text.isEmpty ? nil : tag.textLocation,
            location: tag.location, namespaceDeclarations: declarations)
    }

    /// The decoded value held by an attribute's text children.
    private func textContent(_ first: xmlNodePtr?) -> String {
        var value = ""
        var node = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                value += String(cString: content)
            }
            node = current.pointee.next
        }
        return value
    }

    private mutating func namespace(_ ns: xmlNsPtr?) -> (uri: String?, prefix: String?) {
        guard let ns else { return (nil, nil) }
        let key = UnsafeMutableRawPointer(ns)
        if let known = namespaces[key] { return known }
        let converted = (ns.pointee.href.map { String(cString: $0) }, ns.pointee.prefix.map { String(cString: $0) })
        namespaces[key] = converted
        return converted
    }

    private func string(_ name: UnsafePointer<xmlChar>?) -> String {
        name.map { String(cString: $0) } ?? ""
    }

    /// Whether the raw bytes in `range` spell `prefix:localName` (or `localName`).
    private func matches(_ range: Range<Int>, prefix: String?, localName: String) -> Bool {
        guard range.upperBound <= bytes.count else { return false }
        var index = range.lowerBound
        func consume(_ part: String) -> Bool {
            var part = part
            return part.withUTF8 { expected in
                guard index + expected.count <= range.upperBound else { return false }
                for byte in expected {
                    guard bytes[index] == byte else { return false }
                    index += 1
                }
                return true
            }
        }
        if let prefix {
            guard consume(prefix), index < range.upperBound, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
        }
        return consume(localName) && index == range.upperBound
    }

    /// The lexer and libxml2 disagree about the document; never expected, reported rather than trusted.
    private func inconsistency(at location: SourceLocation, name: String) -> XMLParseError {
        XMLParseError(location: location, reason: "internal error: could not locate '\(name)' in the source text")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

import CLibXML2
import FlowCore
import Foundation

/// Reads XML into DataWeave's shape with libxml2: the root element becomes the one key of an
/// object, each element a key (repeated elements repeated keys), text-only content a String,
/// nested elements an object; attributes and namespaces go on the key as ``KeyDetails``.
///
/// Safety: no network (`XML_PARSE_NONET`), no external subset, no external entity ever declared,
/// entities never substituted by libxml2 (this reader expands internal ones itself and counts
/// them against `maxEntityCount`), libxml2's own depth (256) and size limits (no `HUGE`), and
/// start tags with absurd attribute counts refused before parsing (``XMLTagScreening``).
/// Without `supportDtd` (the default) a DOCTYPE's internal subset is skipped unprocessed, so
/// any entity but the five predefined ones is undefined: XXE and "billion laughs" fail at once.
/// Each parse owns its context; errors come from that context only.
enum XMLReader {
    /// What the reader properties ask for.
    struct Options {
        enum NullValueOn: String { case blank, empty, none }
        var nullValueOn = NullValueOn.blank
        var supportDtd = false
        var maxEntityCount = 1
        /// The most characters an attribute value may have; nil for no limit.
        var maxAttributeSize: Int?
    }

    private static let initialized: Void = xmlInitParser()

    /// `NOCDATA` hands CDATA sections over as text; `COMPACT` saves allocations for short text.
    private static let parseOptions = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) throws(FormatError) -> Value {
        _ = initialized
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw FormatError("Document is empty", line: 1, column: 1)
        }
        guard let size = Int32(exactly: bytes.count) else {
            throw FormatError("XML document is too large to parse (\(bytes.count) bytes)")
        }
        if let problem = XMLTagScreening.problem(in: bytes) { throw problem }
        guard let context = xmlNewParserCtxt() else { throw FormatError("Out of memory creating the XML parser") }
        defer { xmlFreeParserCtxt(context) }
        guard let handler = context.pointee.sax else { throw FormatError("Out of memory creating the XML parser") }
        handler.pointee.serror = recordXMLProblem
        handler.pointee.externalSubset = nil
        handler.pointee.unparsedEntityDecl = nil
        if options.supportDtd {
            handler.pointee.entityDecl = declareInternalEntity
        } else {
            // The internal subset is still read (it must be well-formed) but nothing in it is kept.
            handler.pointee.internalSubset = nil
            handler.pointee.entityDecl = nil
            handler.pointee.attributeDecl = nil
            handler.pointee.elementDecl = nil
            handler.pointee.notationDecl = nil
        }
        let problems = XMLReadProblems()
        return try withExtendedLifetime(problems) { () throws(FormatError) -> Value in
            context.pointee._private = Unmanaged.passUnretained(problems).toOpaque()
            let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlCtxtReadMemory(context, $0, size, nil, nil, parseOptions)
            }
            defer { if let document { xmlFreeDoc(document) } }
            context.pointee._private = nil
            if let problem = problems.first { throw problem }
            guard let document, context.pointee.wellFormed != 0 else {
                if let error = xmlCtxtGetLastError(context), error.pointee.code != 0 {
                    throw XMLReadProblems.formatError(from: error.pointee, refused: problems.refusedEntities)
                }
                throw FormatError("Malformed XML", line: 1, column: 1)
            }
            guard let root = xmlDocGetRootElement(document) else {
                throw FormatError("Document has no root element", line: 1, column: 1)
            }
            var builder = XMLValueBuilder(options: options)
            var result = ValueObject()
            try builder.addElement(root, to: &result)
            return .object(result)
        }
    }
}

/// The first error libxml2 reported during one parse (later ones are usually consequences), and
/// the external entities the reader refused to declare, to explain references to them.
private final class XMLReadProblems {
    var first: FormatError?
    var refusedEntities: Set<String> = []

    static func formatError(from error: xmlError, refused: Set<String>) -> FormatError {
        let line = max(Int(error.line), 1), column = max(Int(error.int2), 1)
        if error.code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue) || error.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
            let name = error.str1.map({ String(cString: $0) }), refused.contains(name)
        {
            return FormatError(
                "Entity '\(name)' is external and Conduit never loads external entities", line: line, column: column)
        }
        if error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
            // Raised while parsing an entity's text, so libxml2's position is inside the entity.
            return FormatError("Entity expansion refused: an entity reference loop or exponential expansion (billion laughs)")
        }
        let message = error.message.map { String(cString: $0) } ?? "Malformed XML"
        let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "Malformed XML"
        return FormatError(firstLine.trimmingXMLSpace(), line: line, column: column)
    }

    /// The problems of the parse whose context is `userData`.
    static func of(_ userData: UnsafeMutableRawPointer?) -> XMLReadProblems? {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
            let problems = context.pointee._private
        else { return nil }
        return Unmanaged<XMLReadProblems>.fromOpaque(problems).takeUnretainedValue()
    }
}

/// libxml2's structured-error callback: keeps the first error, ignores warnings.
private let recordXMLProblem: xmlStructuredErrorFunc = { userData, error in
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
        let problems = XMLReadProblems.of(userData), problems.first == nil
    else { return }
    problems.first = XMLReadProblems.formatError(from: error.pointee, refused: problems.refusedEntities)
}

/// With `supportDtd`: declares internal entities only. External ones (XXE's vehicle) are never
/// declared, so nothing can make libxml2 fetch them; a reference to one is an error.
private let declareInternalEntity: entityDeclSAXFunc = { userData, name, type, publicId, systemId, content in
    if type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) || type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue) {
        xmlSAX2EntityDecl(userData, name, type, publicId, systemId, content)
    } else if let name, let problems = XMLReadProblems.of(userData) {
        problems.refusedEntities.insert(String(cString: name))
    }
}

/// Copies libxml2's tree into values.
private struct XMLValueBuilder {
    let options: XMLReader.Options
    /// Entity references expanded so far, against `maxEntityCount`.
    var expansions = 0
    /// Namespaces converted once per declaration rather than once per element.
    var namespaces: [UnsafeMutableRawPointer: KeyNamespace] = [:]

    init(options: XMLReader.Options) { self.options = options }

    /// Appends `node` to `object` as a key with its details and value.
    mutating func addElement(_ node: xmlNodePtr, to object: inout ValueObject) throws(FormatError) {
        var details = KeyDetails(namespace: namespace(node.pointee.ns))
        var isNil = false
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            let name = string(attribute.pointee.name)
            let attributeNamespace = namespace(attribute.pointee.ns)
            var value = ""
            try appendText(of: attribute.pointee.children, to: &value)
            if let limit = options.maxAttributeSize, value.count > limit {
                throw FormatError(
                    "Attribute '\(name)' of <\(string(node.pointee.name))> has \(value.count) characters, more than maxAttributeSize (\(limit))",
                    line: Int(xmlGetLineNo(node)), column: nil)
            }
            if name == "nil", attributeNamespace?.uri == XMLNames.schemaInstance, value == "true" { isNil = true }
            details.attributes.append(name, .string(value), details: attributeNamespace.map { KeyDetails(namespace: $0) })
        }
        let value = isNil ? .null : try content(of: node, hasAttributes: !details.attributes.isEmpty)
        object.append(string(node.pointee.name), value, details: details)
    }

    /// The value of an element: an object when it has child elements (with its text, if any,
    /// under `__text`), else its text, or null when `nullValueOn` says so.
    private mutating func content(of node: xmlNodePtr, hasAttributes: Bool) throws(FormatError) -> Value {
        var children = ValueObject()
        var text = ""
        var mixedText = ""
        var mixedTextPosition: Int?
        try collect(node.pointee.children, into: &children, text: &text, mixedText: &mixedText,
                    mixedTextPosition: &mixedTextPosition)
        guard children.isEmpty else {
            if let mixedTextPosition {
                var withText = ValueObject()
                withText.reserveCapacity(children.count + 1)
                for (index, entry) in children.entries.enumerated() {
                    if index == mixedTextPosition { withText.append(XMLNames.textKey, .string(mixedText)) }
                    withText.append(entry.key, entry.value, details: children.details(at: index))
                }
                if mixedTextPosition == children.count { withText.append(XMLNames.textKey, .string(mixedText)) }
                return .object(withText)
            }
            return .object(children)
        }
        switch options.nullValueOn {
        case .blank where !hasAttributes && text.allSatisfy(\.isXMLSpace): return .null
        case .empty where !hasAttributes && text.isEmpty: return .null
        default: return .string(text)
        }
    }

    /// Walks a list of sibling nodes (an element's children or an entity's content).
    private mutating func collect(
        _ first: xmlNodePtr?, into children: inout ValueObject, text: inout String,
        mixedText: inout String, mixedTextPosition: inout Int?
    ) throws(FormatError) {
        var node = first
        while let current = node {
            node = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                try addElement(current, to: &children)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { continue }
                let piece = String(cString: content)
                text += piece
                if !piece.allSatisfy(\.isXMLSpace) {
                    if mixedTextPosition == nil { mixedTextPosition = children.count }
                    mixedText += piece
                }
            case XML_ENTITY_REF_NODE:
                let entity = try expand(current)
                try collect(entity.pointee.children, into: &children, text: &text, mixedText: &mixedText,
                            mixedTextPosition: &mixedTextPosition)
            default:
                break  // comments and processing instructions carry no data
            }
        }
    }

    /// Appends the text of an attribute's children (text and entity references) to `value`.
    private mutating func appendText(of first: xmlNodePtr?, to value: inout String) throws(FormatError) {
        var node = first
        while let current = node {
            node = current.pointee.next
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                value += String(cString: content)
            } else if current.pointee.type == XML_ENTITY_REF_NODE {
                try appendText(of: try expand(current).pointee.children, to: &value)
            }
        }
    }

    /// The internal entity a reference node stands for, counted against `maxEntityCount`.
    private mutating func expand(_ reference: xmlNodePtr) throws(FormatError) -> xmlEntityPtr {
        let name = string(reference.pointee.name)
        let line = Int(xmlGetLineNo(reference))
        guard options.supportDtd,
            let target = reference.pointee.children, target.pointee.type == XML_ENTITY_DECL
        else {
            throw FormatError("Entity '\(name)' not defined", line: line > 0 ? line : nil, column: nil)
        }
        let entity = UnsafeMutableRawPointer(target).assumingMemoryBound(to: xmlEntity.self)
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else {
            throw FormatError("Entity '\(name)' is external and Conduit never loads external entities")
        }
        expansions += 1
        if expansions > options.maxEntityCount {
            throw FormatError(
                "More than \(options.maxEntityCount) entity expansions (maxEntityCount); refusing to expand '\(name)'")
        }
        return entity
    }

    private mutating func namespace(_ ns: xmlNsPtr?) -> KeyNamespace? {
        guard let ns, let href = ns.pointee.href else { return nil }
        let key = UnsafeMutableRawPointer(ns)
        if let known = namespaces[key] { return known }
        // libxml2 keeps `&amp;` in a namespace declaration as `&#38;` when it does not
        // substitute entities; every other reference is already decoded.
        let uri = String(cString: href).replacingOccurrences(of: "&#38;", with: "&")
        let converted = KeyNamespace(prefix: ns.pointee.prefix.map { String(cString: $0) }, uri: uri)
        namespaces[key] = converted
        return converted
    }

    private func string(_ name: UnsafePointer<xmlChar>?) -> String {
        name.map { String(cString: $0) } ?? ""
    }
}

extension Character {
    /// XML's white space: space, tab, line feed, carriage return.
    var isXMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}

extension String {
    /// Without leading and trailing XML white space.
    func trimmingXMLSpace() -> String {
        guard let first = firstIndex(where: { !$0.isXMLSpace }), let last = lastIndex(where: { !$0.isXMLSpace }) else {
            return ""
        }
        return String(self[first...last])
    }
}

import CLibXML2
import FlowCore

/// Writes a value as XML the way DataWeave does: `<?xml version='1.0' encoding='UTF-8'?>`, two
/// spaces of indentation, each key an element (an array repeats its key once per item), key
/// details as attributes and namespaces, text with `&` and `<` escaped (`>` only where it would
/// end `]]>`), empty elements closed inline unless `inlineCloseOn="none"`.
///
/// A namespace is declared where it is first used, as DataWeave does: an element's right after
/// its name, an attribute's just before the attribute; nested elements reuse a declaration in
/// scope. Names are checked with libxml2 (a key such as `first name` is an error, not broken
/// XML), and so is every character (XML 1.0 cannot hold most control characters).
struct XMLWriter {
    struct Options {
        var indent = true
        var writeDeclaration = true
        var doubleQuoteInDeclaration = false
        var encoding = TextEncoding.utf8
        var inlineCloseOnEmpty = true
        var skipNullElements = false
        var skipNullAttributes = false
        var writeNilOnNull = false
    }

    private let options: Options
    private var output: [UInt8] = []
    /// Namespace declarations in scope, innermost last: prefix ("" for the default namespace)
    /// and URI.
    private var bindings: [(prefix: String, uri: String)] = []
    /// Names already checked, with whether they are valid.
    private var checkedNames: [String: Bool] = [:]

    private init(options: Options) { self.options = options }

    static func write(_ value: Value, options: Options) throws(FormatError) -> [UInt8] {
        guard case .object(let root) = value else {
            throw FormatError(
                "Trying to output non-whitespace characters outside main element tree (in prolog or epilog): the root of an XML document must be an Object with a single key, not \(value.typeNameWithArticle)")
        }
        let roots = root.entries.indices.filter { !(options.skipNullElements && root.entries[$0].value == .null) }
        guard roots.count == 1, let index = roots.first else {
            if roots.isEmpty {
                throw FormatError("Cannot write an empty Object as XML: the root must be an Object with a single key")
            }
            throw FormatError(
                "Trying to output second root, <\(root.entries[roots[1]].key)>: an XML document has a single root element, so write an Object with a single key")
        }
        var writer = XMLWriter(options: options)
        if options.writeDeclaration {
            let quote = options.doubleQuoteInDeclaration ? "\"" : "'"
            writer.append("<?xml version=\(quote)1.0\(quote) encoding=\(quote)\(options.encoding.name)\(quote)?>")
        }
        try writer.element(root.entries[index].key, root.entries[index].value, details: root.details(at: index), depth: 0)
        return options.encoding.encode(writer.output, unmappable: .characterReference)
    }

    private mutating func element(_ name: String, _ value: Value, details: KeyDetails?, depth: Int) throws(FormatError) {
        if case .array(let items) = value {
            for item in items { try element(name, item, details: details, depth: depth) }
            return
        }
        if value == .null, options.skipNullElements { return }
        if options.indent, !output.isEmpty {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        let scope = bindings.count
        defer { bindings.removeLast(bindings.count - scope) }

        let qualifiedName = try startTag(name, namespace: details?.namespace)
        if let attributes = details?.attributes { try writeAttributes(attributes, of: name) }
        switch value {
        case .null:
            if options.writeNilOnNull {
                let (prefix, isDeclared) = namespacePrefix(for: KeyNamespace(prefix: "xsi", uri: XMLNames.schemaInstance), forAttribute: true)
                if !isDeclared { try declare(prefix, uri: XMLNames.schemaInstance) }
                append(" \(prefix):nil=\"true\"")
            }
            closeEmpty(qualifiedName)
        case .object(let object):
            let written = object.entries.indices.filter {
                !(options.skipNullElements && object.entries[$0].value == .null)
            }
            guard !written.isEmpty else {
                closeEmpty(qualifiedName)
                return
            }
            output.append(UInt8(ascii: ">"))
            var wroteElement = false
            for index in written {
                let entry = object.entries[index]
                let entryDetails = object.details(at: index)
                if entry.key == XMLNames.textKey, entryDetails == nil, let text = ScalarText.of(entry.value) {
                    try writeEscaped(text, inAttribute: false, of: name)
                    continue
                }
                try element(entry.key, entry.value, details: entryDetails, depth: depth + 1)
                wroteElement = true
            }
            if wroteElement, options.indent {
                output.append(0x0A)
                output.append(contentsOf: repeatElement(0x20, count: depth * 2))
            }
            append("</\(qualifiedName)>")
        case .array:
            break  // written above, one element per item
        default:
            let text = ScalarText.of(value) ?? ""
            guard !text.isEmpty else {
                closeEmpty(qualifiedName)
                return
            }
            output.append(UInt8(ascii: ">"))
            try writeEscaped(text, inAttribute: false, of: name)
            append("</\(qualifiedName)>")
        }
    }

    /// Writes `<name` with the namespace declaration the element needs; returns the qualified name.
    private mutating func startTag(_ name: String, namespace: KeyNamespace?) throws(FormatError) -> String {
        try check(name, qualified: namespace == nil, what: "an XML element name")
        output.append(UInt8(ascii: "<"))
        guard let namespace else {
            append(name)
            // An element without a namespace inside one that set a default must undo it.
            if let inherited = binding(for: ""), !inherited.isEmpty { try declare("", uri: "") }
            return name
        }
        let (prefix, isDeclared) = namespacePrefix(for: namespace, forAttribute: false)
        let qualifiedName = prefix.isEmpty ? name : prefix + ":" + name
        append(qualifiedName)
        if !isDeclared { try declare(prefix, uri: namespace.uri) }
        return qualifiedName
    }

    private mutating func writeAttributes(_ attributes: ValueObject, of element: String) throws(FormatError) {
        for (index, entry) in attributes.entries.enumerated() {
            let text: String
            if let scalar = ScalarText.of(entry.value) {
                text = scalar
            } else if entry.value == .null {
                if options.skipNullAttributes { continue }
                text = ""
            } else {
                throw FormatError(
                    "Cannot write \(entry.value.typeNameWithArticle) as the value of attribute '\(entry.key)' of <\(element)>: attributes hold only Strings, Numbers and Booleans")
            }
            let namespace = attributes.details(at: index)?.namespace
            try check(entry.key, qualified: namespace == nil, what: "an XML attribute name")
            var qualifiedName = entry.key
            if let namespace {
                let (prefix, isDeclared) = namespacePrefix(for: namespace, forAttribute: true)
                if !isDeclared { try declare(prefix, uri: namespace.uri) }
                qualifiedName = prefix + ":" + entry.key
            }
            append(" \(qualifiedName)=\"")
            try writeEscaped(text, inAttribute: true, of: element)
            output.append(UInt8(ascii: "\""))
        }
    }

    /// The prefix to write `namespace` with, and whether a declaration of it is in scope.
    /// Attributes cannot use the default namespace, so a namespace without a prefix gets `ns0`,
    /// `ns1`, … for them.
    private func namespacePrefix(for namespace: KeyNamespace, forAttribute: Bool) -> (String, Bool) {
        var prefix = namespace.prefix ?? ""
        if forAttribute, prefix.isEmpty {
            var number = 0
            while let bound = binding(for: "ns\(number)"), bound != namespace.uri { number += 1 }
            prefix = "ns\(number)"
        }
        return (prefix, binding(for: prefix) == namespace.uri)
    }

    /// Writes ` xmlns:prefix="uri"` (` xmlns="uri"` for the default namespace) on the tag being
    /// written and brings it into scope.
    private mutating func declare(_ prefix: String, uri: String) throws(FormatError) {
        if !prefix.isEmpty { try check(prefix, qualified: false, what: "a namespace prefix") }
        bindings.append((prefix, uri))
        append(prefix.isEmpty ? " xmlns=\"" : " xmlns:\(prefix)=\"")
        try writeEscaped(uri, inAttribute: true, of: prefix)
        output.append(UInt8(ascii: "\""))
    }

    private func binding(for prefix: String) -> String? {
        bindings.last { $0.prefix == prefix }?.uri
    }

    private mutating func closeEmpty(_ qualifiedName: String) {
        if options.inlineCloseOnEmpty {
            append("/>")
        } else {
            append("></\(qualifiedName)>")
        }
    }

    /// Throws unless `name` is an XML name (`qualified`: `prefix:local` allowed, as in keys
    /// written `"soap:Envelope"` with `xmlns:soap` given as an attribute).
    private mutating func check(_ name: String, qualified: Bool, what: String) throws(FormatError) {
        let cacheKey = qualified ? name : ":" + name
        if let valid = checkedNames[cacheKey] {
            if valid { return }
        } else {
            let valid = name.withCString { pointer in
                pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
                    (qualified ? xmlValidateQName($0, 0) : xmlValidateNCName($0, 0)) == 0
                }
            }
            checkedNames[cacheKey] = valid
            if valid { return }
        }
        throw FormatError("Cannot write \"\(name)\" as \(what)")
    }

    /// Appends `text` with XML's escapes; throws for characters XML 1.0 cannot hold.
    private mutating func writeEscaped(_ text: String, inAttribute: Bool, of element: String) throws(FormatError) {
        var text = text
        let problem: UInt32? = text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var replacement: StaticString?
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">") where !inAttribute && index >= 2 && utf8[index - 1] == 0x5D && utf8[index - 2] == 0x5D:
                    replacement = "&gt;"
                case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
                case 0x0A where inAttribute: replacement = "&#10;"
                case 0x0D where inAttribute: replacement = "&#13;"
                case 0x09 where inAttribute: replacement = "&#9;"
                case 0x09, 0x0A, 0x0D: break
                case ..<0x20: return UInt32(byte)
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                    return utf8[index + 2] == 0xBE ? 0xFFFE : 0xFFFF
                default: break
                }
                if let replacement {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    runStart = index + 1
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            return nil
        }
        if let problem {
            let code = String(problem, radix: 16, uppercase: true)
            throw FormatError(
                "Cannot write character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) in <\(element)>: XML 1.0 does not allow it")
        }
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}

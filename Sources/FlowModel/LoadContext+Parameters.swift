import Foundation
import FlowCore
import FlowExpression
import FlowXML

extension LoadContext {
    /// Where a value being read is written: an attribute, or an element's text.
    struct ValueSite {
        /// The attribute's name, or the element's local name for text.
        let name: String
        /// Where the attribute's name (or the element) starts.
        let location: SourceLocation
        /// Where each character of the value was written.
        let valueMap: SourceMap
        /// Where the value itself starts.
        var valueLocation: SourceLocation { valueMap.start }
    }

    /// Checks an element's attributes against its declaration, resolves `${…}` in each, compiles
    /// each according to its kind, and records references for later checks. Text inside an
    /// element that takes none is reported here too, so that no element silently drops it.
    ///
    /// Every problem is reported; the parameters that could be read are returned either way.
    func readParameters(of element: XMLElement, declaration: ElementDeclaration, owningConfig: String? = nil) -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        let elementName = displayName(element)
        for attribute in element.attributes {
            if attribute.namespaceURI == Namespaces.schemaInstance || attribute.namespaceURI == Namespaces.documentation { continue }
            if attribute.namespaceURI == Namespaces.tracking {
                if !warnedAboutTracking {
                    warnedAboutTracking = true
                    warning("Attribute '\(attribute.qualifiedName)' is ignored, as are all tracking: attributes: Mule's business events only feed Anypoint Monitoring.",
                            at: attribute.location)
                }
                continue
            }
            guard attribute.namespaceURI == nil, let parameter = declaration.parameter(attribute.localName) else {
                let hint = Suggestions.hint(for: attribute.localName, among: declaration.parameters.map(\.name))
                error("Attribute '\(attribute.qualifiedName)' is not allowed on \(elementName).\(hint)", at: attribute.location)
                continue
            }
            let site = ValueSite(name: attribute.localName, location: attribute.location, valueMap: attribute.valueMap)
            guard let value = read(attribute.value, at: site, as: parameter.kind, secret: parameter.isSecret, in: elementName,
                                   owningConfig: owningConfig) else { continue }
            parameters[parameter.name] = value
        }
        for parameter in declaration.parameters where parameter.isRequired && element.attribute(parameter.name) == nil {
            error("Element \(elementName) is missing required parameter '\(parameter.name)'.", at: element.location)
        }
        if declaration.text == nil { rejectText(of: element) }
        return parameters
    }

    /// The text content of an element whose declaration takes text, resolved and compiled as the
    /// declared kind; nil when there is none or it could not be read (already reported).
    func readText(of element: XMLElement, declaration: ElementDeclaration, owningConfig: String? = nil) -> ParameterValue? {
        guard let kind = declaration.text else { return nil }
        guard let (text, start) = trimmedText(of: element) else { return nil }
        let site = ValueSite(name: element.localName, location: element.location, valueMap: .verbatim(text.unicodeScalars, from: start))
        return read(text, at: site, as: kind, secret: false, in: displayName(element), owningConfig: owningConfig)
    }

    /// Reports text inside an element that takes none: Conduit would otherwise ignore it, and the
    /// author meant something by it (`<logger message="x">text</logger>`).
    func rejectText(of element: XMLElement) {
        guard let (text, start) = trimmedText(of: element) else { return }
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        error("Element \(displayName(element)) does not take text content, found '\(shown)'.", at: start)
    }

    /// The element's text without surrounding whitespace and where it starts; nil when it is
    /// empty or whitespace only (indentation between child elements).
    private func trimmedText(of element: XMLElement) -> (String, SourceLocation)? {
        let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let start = (element.textLocation ?? element.location).skipping(element.text.prefix { $0.isWhitespace || $0.isNewline })
        return (text, start)
    }

    /// Resolves and compiles one value; nil when it could not be read (already reported).
    private func read(_ raw: String, at site: ValueSite, as kind: ParameterKind, secret: Bool, in elementName: String,
                      owningConfig: String?) -> ParameterValue? {
        let resolved = properties.resolve(raw, at: site.valueMap)
        report(resolved.diagnostics)
        guard resolved.diagnostics.allSatisfy({ $0.severity != .error }) else { return nil }
        let text = resolved.text
        // After a substitution the offsets of the text no longer match the source past the `${`.
        let compiledSite = text == raw ? site : ValueSite(name: site.name, location: site.location, valueMap: SourceMap(start: site.valueLocation))
        guard let value = compile(text, kind: kind, at: compiledSite, in: elementName, owningConfig: owningConfig) else { return nil }
        return ParameterValue(name: site.name, text: text, location: site.location, valueLocation: site.valueLocation, value: value,
                              isSecret: secret || resolved.isSecret)
    }

    private func compile(_ text: String, kind: ParameterKind, at site: ValueSite, in elementName: String, owningConfig: String?) -> AttributeValue? {
        let name = site.name
        switch kind {
        case .literal, .errorTypes:
            return .literal(.string(text))
        case .reference(let stereotype):
            references.append(Reference(name: text, stereotype: stereotype, valueLocation: site.valueLocation,
                                        ownerElement: elementName, owningConfig: owningConfig))
            return .literal(.string(text))
        case .flowReference:
            // A name computed per event (`#[vars.handler]`) can only be checked when it runs.
            if isExpression(text) { return compileExpression(text, mode: .connectorParameter, at: site.valueMap) }
            flowReferences.append(FlowReference(name: text, valueLocation: site.valueLocation))
            return .literal(.string(text))
        case .expression:
            return compileExpression(text, mode: .connectorParameter, at: site.valueMap)
        case .template:
            return compileExpression(text, mode: .template, at: site.valueMap)
        case .bareExpression:
            return compileExpression(text, mode: .bareExpression, at: site.valueMap)
        case .script:
            return compileScript(text, at: site.valueMap)
        case .integer:
            if isExpression(text) { return compileExpression(text, mode: .connectorParameter, at: site.valueMap) }
            guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                error("Parameter '\(name)' of \(elementName) must be a whole number, got '\(text)'.", at: site.valueLocation)
                return nil
            }
            return .literal(.int(number))
        case .boolean:
            if isExpression(text) { return compileExpression(text, mode: .connectorParameter, at: site.valueMap) }
            switch text.trimmingCharacters(in: .whitespaces) {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            default:
                error("Parameter '\(name)' of \(elementName) must be true or false, got '\(text)'.", at: site.valueLocation)
                return nil
            }
        case .enumeration(let allowed):
            guard allowed.contains(text) else {
                let hint = Suggestions.hint(for: text, among: allowed)
                error("Parameter '\(name)' of \(elementName) must be one of \(allowed.joined(separator: ", ")); got '\(text)'.\(hint)",
                      at: site.valueLocation)
                return nil
            }
            return .literal(.string(text))
        }
    }

    private func isExpression(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("#[") && trimmed.hasSuffix("]")
    }

    /// Compiles a whole DataWeave script, reporting every error found in it.
    func compileScript(_ text: String, at map: SourceMap) -> AttributeValue? {
        let layout = layout
        // `import modules::Common` reads `modules/Common.dwl`, looked up like every file of the app.
        let modules = ScriptModules({ path in
            guard let file = layout.locate(ScriptModules.fileName(for: path)),
                  let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
            else { return nil }
            return (text, SourceLocation(file: layout.displayName(file), line: 1, column: 1))
        }, resource: { path in
            // `readUrl("classpath://…")`: the classpath is where the app's relative files are.
            guard let file = layout.locate(path), let data = FileManager.default.contents(atPath: file) else { return nil }
            return Array(data)
        })
        do {
            return .expression(try ExpressionCompiler.compileScript(text, at: map, modules: modules))
        } catch {
            report(error.diagnostics)
            return nil
        }
    }

    /// Compiles text found at `location` (an attribute value or an element's text), reporting
    /// syntax errors at their position.
    func compileExpression(_ text: String, mode: ValueMode, at map: SourceMap) -> AttributeValue? {
        do {
            return try AttributeValue.parse(text, mode: mode, at: map)
        } catch {
            report(error)
            return nil
        }
    }
}

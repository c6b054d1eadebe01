import FlowCore
import FlowXML

extension LoadContext {
    /// Reads the children of one file's `<mule>` root into `parts`.
    func readGlobals(of root: XMLElement, into parts: inout AppParts) {
        rejectText(of: root)
        for element in root.children {
            guard let (module, declaration) = classify(element) else { continue }
            switch (module.uri, element.localName) {
            case (Namespaces.core, "configuration-properties"), (Namespaces.core, "global-property"),
                 (Namespaces.core, "import"), (Namespaces.secureProperties, "config"):
                continue  // read by the property and import stages, before everything else
            case (Namespaces.core, "configuration"):
                let parameters = readParameters(of: element, declaration: declaration)
                rejectChildren(of: element)
                if let name = parameters["defaultErrorHandler-ref"]?.text { parts.defaultErrorHandlerName = name }
            case (Namespaces.core, "flow"):
                if let flow = readFlow(element, declaration: declaration) {
                    registerGlobal(flow.name, stereotype: CoreDeclarations.flowStereotype, at: element.location)
                    parts.flows.append(flow)
                }
            case (Namespaces.core, "sub-flow"):
                if let subFlow = readSubFlow(element, declaration: declaration) {
                    registerGlobal(subFlow.name, stereotype: "MULE:SUB_FLOW", at: element.location)
                    parts.subFlows.append(subFlow)
                }
            case (Namespaces.ee, "object-store-caching-strategy"):
                if let strategy = readCachingStrategy(element, declaration: declaration) {
                    registerGlobal(strategy.name, stereotype: CacheDeclarations.cachingStrategyStereotype, at: element.location)
                    parts.cachingStrategies[strategy.name] = strategy
                }
            case (Namespaces.core, "object"):
                readObject(element, declaration: declaration)
            case (Namespaces.core, "error-handler"):
                let handler = readErrorHandler(element, path: "errorHandler")
                if let name = handler.name {
                    registerGlobal(name, stereotype: CoreDeclarations.errorHandlerStereotype, at: element.location)
                    parts.globalErrorHandlers[name] = handler
                } else {
                    error("Element <\(element.qualifiedName)> at the top level is missing required parameter 'name'.", at: element.location)
                }
            default:
                guard case .global(let stereotype) = declaration.role else {
                    misplaced(element, in: "<mule>")
                    continue
                }
                let component = readComponent(element, module: module, declaration: declaration, path: "")
                if let name = component.parameters["name"]?.text {
                    registerGlobal(name, stereotype: stereotype, at: element.location)
                    parts.connectorConfigs.append(component)
                } else if declaration.parameter("name") == nil {
                    // A global that takes no name (`spring:security-manager`): nothing refers to it.
                    parts.connectorConfigs.append(component)
                } else if declaration.parameter("name")?.isRequired != true, element.attribute("name") == nil {
                    // Elements that may also be nested (`tls:context`) declare `name` optional.
                    error("Element <\(element.qualifiedName)> at the top level is missing required parameter 'name'.", at: element.location)
                }
            }
        }
    }

    /// Reads an `<object>` (a Java bean): known by its name, so references to it are reported as
    /// such, and warned about, since Conduit never creates it.
    private func readObject(_ element: XMLElement, declaration: ElementDeclaration) {
        let parameters = readParameters(of: element, declaration: declaration)
        for child in element.children {
            if isCore(child, "property"), let property = vocabulary.modules[Namespaces.core]?.elements["property"] {
                _ = readParameters(of: child, declaration: property)
                rejectChildren(of: child)
            } else if classify(child) != nil {
                misplaced(child, in: displayName(element))
            }
        }
        guard let name = parameters["name"]?.text else { return }
        registerGlobal(name, stereotype: CoreDeclarations.objectStereotype, at: element.location)
        let bean = parameters["class"].map { " (class \($0.text))" } ?? ""
        warning("<object> '\(name)'\(bean) is not instantiated: Conduit runs no Java; an element that uses it is reported where it does.",
                at: element.location)
    }

    /// Records a global name, reporting a duplicate in Mule's words.
    func registerGlobal(_ name: String, stereotype: String, at location: SourceLocation) {
        if !globalNames.insert(name).inserted {
            error("Two (or more) configuration elements have been defined with the same global name. Global name '\(name)' must be unique.", at: location)
        }
        globals.append(Global(name: name, stereotype: stereotype, location: location))
    }

    /// Reports every child of an element that takes none.
    func rejectChildren(of element: XMLElement) {
        for child in element.children { misplaced(child, in: displayName(element)) }
    }

    /// Reads a connector element, its nested elements and its text, checking each against its
    /// declaration.
    func readComponent(_ element: XMLElement, module: Vocabulary.Module, declaration: ElementDeclaration, path: String,
                       owningConfig: String? = nil) -> ComponentDefinition {
        let errorsBefore = errorCount
        defer { if errorCount > errorsBefore { incompleteComponents.insert(element.location) } }
        var owner = owningConfig
        if case .global = declaration.role { owner = element.attribute("name")?.value }
        let parameters = readParameters(of: element, declaration: declaration, owningConfig: owner)
        var children: [ComponentDefinition] = []
        var errorMappings: [ErrorMappingDefinition] = []
        for child in element.children {
            if declaration.role == .operation, isCore(child, "error-mapping") {
                if let mapping = readErrorMapping(child) { errorMappings.append(mapping) }
                continue
            }
            guard let (childModule, childDeclaration) = acceptedChild(child, of: declaration, in: module) else {
                if classify(child) != nil { misplaced(child, in: displayName(element)) }
                continue
            }
            children.append(readComponent(child, module: childModule, declaration: childDeclaration, path: path, owningConfig: owner))
        }
        return ComponentDefinition(namespace: module.errorNamespace, name: element.localName, location: element.location,
                                   path: path, parameters: parameters, children: children,
                                   text: readText(of: element, declaration: declaration, owningConfig: owner), errorMappings: errorMappings)
    }

    /// The module and declaration of `child` when `declaration` lists it: by local name in the
    /// same namespace, or as `prefix:name` of another module (`tls:context`).
    private func acceptedChild(_ child: XMLElement, of declaration: ElementDeclaration,
                               in module: Vocabulary.Module) -> (Vocabulary.Module, ElementDeclaration)? {
        guard let uri = child.namespaceURI else { return nil }
        if uri == module.uri {
            guard declaration.children.contains(child.localName), let found = module.elements[child.localName] else { return nil }
            return (module, found)
        }
        // Core elements inside a module's element (`<reconnection>` in a connection provider) are
        // declared as `mule:name`, since core has no prefix of its own.
        guard let other = vocabulary.modules[uri],
              declaration.children.contains("\(other.uri == Namespaces.core ? "mule" : other.prefix):\(child.localName)"),
              let found = other.elements[child.localName] else { return nil }
        return (other, found)
    }
}

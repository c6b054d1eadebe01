import FlowCore
import FlowXML

extension LoadContext {
    /// Reads the children of one file's `<mule>` root into `parts`.
    func readGlobals(of root: XMLElement, into parts: inout AppParts) {
        for element in root.children {
            if Self.isTLSContext(element) { continue }  // read before the rest (readGlobalTLSContexts)
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
            case (Namespaces.core, "error-handler"):
                let handler = readErrorHandler(element, path: "errorHandler")
                if let name = handler.name {
                    registerGlobal(name, stereotype: CoreDeclarations.errorHandlerStereotype, at: element.location)
                    parts.globalErrorHandlers[name] = handler
                } else {
                    error("Element <\(element.qualifiedName)> at the top level is missing required parameter 'name'.", at: element.location)
                }
            case (Namespaces.http, "listener-config"):
                if let config = readListenerConfig(element, declaration: declaration) {
                    registerGlobal(config.name, stereotype: "HTTP:LISTENER_CONFIG", at: element.location)
                    parts.listenerConfigs.append(config)
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
                }
            }
        }
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

    /// Reads a connector element and its nested elements, checking each against its declaration.
    func readComponent(_ element: XMLElement, module: Vocabulary.Module, declaration: ElementDeclaration, path: String, owningConfig: String? = nil) -> ComponentDefinition {
        var owner = owningConfig
        if case .global = declaration.role { owner = element.attribute("name")?.value }
        let parameters = readParameters(of: element, declaration: declaration, owningConfig: owner)
        var children: [ComponentDefinition] = []
        for child in element.children {
            guard child.namespaceURI == module.uri, declaration.children.contains(child.localName),
                  let childDeclaration = module.elements[child.localName] else {
                if classify(child) != nil { misplaced(child, in: displayName(element)) }
                continue
            }
            children.append(readComponent(child, module: module, declaration: childDeclaration, path: path, owningConfig: owner))
        }
        return ComponentDefinition(namespace: module.errorNamespace, name: element.localName, location: element.location,
                                   path: path, parameters: parameters, children: children)
    }

    /// Reads `<http:listener-config>` and its `<http:listener-connection>`.
    func readListenerConfig(_ element: XMLElement, declaration: ElementDeclaration) -> ListenerConfigDefinition? {
        let parameters = readParameters(of: element, declaration: declaration)
        var connection: [String: ParameterValue]?
        var connectionElement: XMLElement?
        for child in element.children {
            if child.namespaceURI == Namespaces.http, child.localName == "listener-connection",
               let connectionDeclaration = vocabulary.modules[Namespaces.http]?.elements["listener-connection"] {
                if connection != nil { error("Element <\(child.qualifiedName)> may appear only once.", at: child.location) }
                connection = readParameters(of: child, declaration: connectionDeclaration)
                connectionElement = child
            } else if classify(child) != nil {
                misplaced(child, in: displayName(element))
            }
        }
        guard let name = parameters["name"]?.text else { return nil }
        guard let connection else {
            error("Element \(displayName(element)) is missing required child <http:listener-connection>.", at: element.location)
            return nil
        }
        guard let host = connection["host"]?.text, let port = connection["port"]?.value.literalInt else { return nil }
        guard (0...65535).contains(port) else {
            error("Parameter 'port' of <http:listener-connection> must be between 0 and 65535, got \(port).",
                  at: connection["port"]?.valueLocation ?? element.location)
            return nil
        }
        let protocolName = connection["protocol"]?.text ?? "HTTP"
        var tls: ListenerTLSDefinition?
        if let connectionElement {
            var contexts = 0
            for child in connectionElement.children {
                if child.namespaceURI == Namespaces.tls, child.localName == "context" {
                    contexts += 1
                    if contexts > 1 { error("Element <\(child.qualifiedName)> may appear only once.", at: child.location); continue }
                    tls = readTLSContext(child, appDirectory: appDirectory)
                    if protocolName != "HTTPS" {
                        error("Element <\(child.qualifiedName)> needs protocol=\"HTTPS\" on <\(connectionElement.qualifiedName)>; with HTTP it would be ignored.",
                              at: child.location)
                    }
                } else {
                    misplaced(child, in: displayName(connectionElement))
                }
            }
            if let reference = connection["tlsContext"] {
                if contexts > 0 {
                    error("Element <\(connectionElement.qualifiedName)> has both a tlsContext attribute and a <tls:context>; keep one.",
                          at: reference.location)
                } else {
                    contexts = 1
                    tls = tlsContexts[reference.text] ?? nil
                    if protocolName != "HTTPS" {
                        error("Parameter 'tlsContext' needs protocol=\"HTTPS\" on <\(connectionElement.qualifiedName)>; with HTTP it would be ignored.",
                              at: reference.location)
                    }
                }
            }
            if protocolName == "HTTPS", contexts == 0 {
                error("Element <\(connectionElement.qualifiedName)> uses protocol HTTPS but has no <tls:context> with the server's <tls:key-store>.",
                      at: connectionElement.location)
            }
        }
        // A config whose TLS settings failed is still returned (the errors keep the app from
        // running), so the flows that use it are not reported as referring to nothing.
        return ListenerConfigDefinition(
            name: name, location: element.location,
            basePath: ListenerPaths.normalizedBasePath(parameters["basePath"]?.text ?? ""),
            host: host, port: port, protocolName: protocolName,
            readTimeoutMillis: connection["readTimeout"]?.value.literalInt ?? 30_000,
            maxRequestBodySize: connection["maxRequestBodySize"]?.value.literalInt ?? 10 * 1024 * 1024,
            tls: protocolName == "HTTPS" ? tls : nil)
    }
}

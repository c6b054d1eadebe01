import FlowCore
import FlowEngine
import FlowModel
import Foundation

extension ListenerConfigDefinition {
    /// The listener configuration `definition` (`<http:listener-config>`) describes; every
    /// problem is thrown together, located.
    static func read(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> ListenerConfigDefinition {
        var problems: [Diagnostic] = []
        let connections = definition.children("listener-connection")
        for extra in connections.dropFirst() {
            problems.append(.error("Element <http:listener-connection> may appear only once.", at: extra.location))
        }
        guard let connection = connections.first else {
            throw DiagnosticList([.error("Element <http:listener-config> is missing required child <http:listener-connection>.",
                                         at: definition.location)])
        }
        let name = definition.parameters["name"]?.text ?? ""
        let parameters = connection.parameters
        let host = parameters["host"]?.text ?? ""
        var port = 0
        if let portParameter = parameters["port"] {
            if let literal = portParameter.value.literalInt {
                port = literal
                if !(0...65535).contains(literal) {
                    problems.append(.error("Parameter 'port' of <http:listener-connection> must be between 0 and 65535, got \(literal).",
                                           at: portParameter.valueLocation))
                }
            } else {
                problems.append(.error("Parameter 'port' of <http:listener-connection> must be a port number, not an expression.",
                                       at: portParameter.valueLocation))
            }
        }
        let protocolName = parameters["protocol"]?.text ?? "HTTP"
        var tls: TLSContextDefinition?
        let nested = connection.children("context")
        for extra in nested.dropFirst() {
            problems.append(.error("Element <tls:context> may appear only once.", at: extra.location))
        }
        if let tlsElement = nested.first {
            do {
                let (read, warnings) = try TLSContextReader.read(tlsElement, layout: context.layout)
                tls = read
                for warning in warnings { context.warning(warning.message, at: warning.location) }
            } catch {
                problems += error.diagnostics
            }
            if protocolName != "HTTPS" {
                problems.append(.error("Element <tls:context> needs protocol=\"HTTPS\" on <http:listener-connection>; with HTTP it would be ignored.",
                                       at: tlsElement.location))
            }
        }
        if let reference = parameters["tlsContext"] {
            if !nested.isEmpty {
                problems.append(.error("Element <http:listener-connection> has both a tlsContext attribute and a <tls:context>; keep one.",
                                       at: reference.location))
            } else {
                let referenced = context.configuration(named: reference.text) as? TLSContextConfiguration
                tls = referenced?.definition
                if let referenced, referenced.definition == nil {
                    problems.append(.error("TLS context '\(reference.text)' has no <tls:key-store>, which an HTTPS listener needs for its certificate.",
                                           at: reference.valueLocation))
                }
                if protocolName != "HTTPS" {
                    problems.append(.error("Parameter 'tlsContext' needs protocol=\"HTTPS\" on <http:listener-connection>; with HTTP it would be ignored.",
                                           at: reference.location))
                }
            }
        }
        if protocolName == "HTTPS", nested.isEmpty, parameters["tlsContext"] == nil {
            problems.append(.error("Element <http:listener-connection> uses protocol HTTPS but has no <tls:context> with the server's <tls:key-store>.",
                                   at: connection.location))
        }
        var allowedOrigins = CrossSiteRequestCheck.AllowedOrigins.none
        if let origins = definition.parameters["allowedOrigins"] {
            let parsed = CrossSiteRequestCheck.AllowedOrigins.parse(origins.text)
            for entry in parsed.invalid {
                problems.append(.error("Parameter 'allowedOrigins' of <http:listener-config> must list origins such as https://app.example.com (scheme, host and port only), got '\(entry)'.",
                                       at: origins.valueLocation))
            }
            allowedOrigins = parsed.allowed
        }
        var maxConnections = ListenerConfigDefinition.defaultMaxConnections
        if let limit = parameters["maxConnections"] {
            if let literal = limit.value.literalInt, literal >= 1 {
                maxConnections = literal
            } else {
                problems.append(.error("Parameter 'maxConnections' of <http:listener-connection> must be a whole number of at least 1, got '\(limit.text)'.",
                                       at: limit.valueLocation))
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return ListenerConfigDefinition(
            name: name, location: definition.location,
            basePath: ListenerPaths.normalizedBasePath(definition.parameters["basePath"]?.text ?? ""),
            host: host, port: port, protocolName: protocolName,
            readTimeoutMillis: max(parameters["readTimeout"]?.value.literalInt ?? 30_000, 1),
            maxRequestBodySize: parameters["maxRequestBodySize"]?.value.literalInt ?? 10 * 1024 * 1024, maxConnections: maxConnections,
            tls: protocolName == "HTTPS" ? tls : nil, allowedOrigins: allowedOrigins)
    }
}

extension ListenerDefinition {
    /// The `<http:listener>` `definition` describes, with its response builders.
    static func read(_ definition: ComponentDefinition) -> ListenerDefinition {
        let parameters = definition.parameters
        let methods = parameters["allowedMethods"].map { value in
            value.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        }
        return ListenerDefinition(location: definition.location, configRef: parameters["config-ref"]?.text ?? "",
                                  path: ListenerPaths.normalizedPath(parameters["path"]?.text ?? "/"), allowedMethods: methods,
                                  response: definition.child("response").map(ResponseBuilderDefinition.read),
                                  errorResponse: definition.child("error-response").map(ResponseBuilderDefinition.read),
                                  decodeFormBody: parameters["decodeFormBody"]?.text.trimmingCharacters(in: .whitespaces) == "true")
    }
}

extension ResponseBuilderDefinition {
    /// An `<http:response>` or `<http:error-response>`.
    static func read(_ definition: ComponentDefinition) -> ResponseBuilderDefinition {
        ResponseBuilderDefinition(location: definition.location, statusCode: definition.parameters["statusCode"],
                                  reasonPhrase: definition.parameters["reasonPhrase"], body: definition.child("body")?.text,
                                  headers: definition.child("headers")?.text)
    }
}

import AsyncHTTPClient
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowModel
import NIOSSL

/// An `<http:request-config>` as written, checked: where its requests go, how long they may
/// take, and what every one of them carries (mule-components §2.1).
struct RequestConfigDefinition: Sendable {
    let name: String
    let location: SourceLocation
    /// `basePath` (default `/`); an expression is evaluated for each request.
    let basePath: ParameterValue?
    /// `http` or `https`.
    let scheme: String
    /// `host`; nil when not given, in which case only operations with a `url` can use it. An
    /// expression is evaluated for each request (Mule's dynamic configuration: AsyncHTTPClient
    /// pools connections per host, so one client serves every value).
    let host: ParameterValue?
    /// `port`, or an expression; nil for the protocol's default.
    let port: ParameterValue?
    /// The port when none is given: 80 for HTTP, 443 for HTTPS.
    var defaultPort: Int { scheme == "https" ? 443 : 80 }
    /// The client TLS settings of an HTTPS connection; nil for HTTP.
    let tls: TLSConfiguration?
    let authentication: BasicAuthentication?
    /// `<http:proxy>`: the HTTP proxy every request goes through.
    let proxy: HTTPClient.Configuration.Proxy?
    let defaultHeaders: [KeyedValue]
    let defaultQueryParams: [KeyedValue]
    let responseTimeoutMillis: Int
    let followRedirects: Bool
    let sendCorrelationId: String
    /// `sendBodyMode`: `AUTO` drops the body of GET, HEAD and OPTIONS; `ALWAYS`, `NEVER`.
    let sendBodyMode: String
    let maxResponseBodySize: Int
    /// `maxConnections`: -1 for no limit.
    let maxConnections: Int
    /// How long an unused pooled connection is kept (`connectionIdleTimeout`); 0 with
    /// `usePersistentConnections="false"`, as in Mule.
    let connectionIdleTimeoutMillis: Int
    /// The connection's `<reconnection>` strategy: how an exchange whose connection could not
    /// be established is tried again; nil for not at all.
    var reconnection: ReconnectionStrategy? = nil

    /// The configuration used by an `http:request` with a `url` and no `config-ref`: every
    /// default of Mule's implicit configuration.
    static let implicit = RequestConfigDefinition(
        name: "", location: SourceLocation(file: "", line: 0, column: 0), basePath: nil, scheme: "http", host: nil, port: nil, tls: nil,
        authentication: nil, proxy: nil, defaultHeaders: [], defaultQueryParams: [],
        responseTimeoutMillis: RequestDeclaration.defaultResponseTimeoutMillis, followRedirects: true, sendCorrelationId: "AUTO", sendBodyMode: "AUTO",
        maxResponseBodySize: RequestDeclaration.defaultMaxResponseBodySize, maxConnections: -1, connectionIdleTimeoutMillis: 30_000)

    /// The configuration `definition` describes; every problem is thrown together, located.
    static func read(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> RequestConfigDefinition {
        var problems: [Diagnostic] = []
        let element = "<\(definition.qualifiedName)>"
        // Numbers stay within 32 bits: a timeout of more than 24 days means none, and larger
        // milliseconds would overflow NIO's nanosecond time amounts.
        func literal(_ parameters: [String: ParameterValue], _ name: String, in element: String, minimum: Int,
                     maximum: Int = Int(Int32.max), default fallback: Int) -> Int {
            guard let parameter = parameters[name] else { return fallback }
            guard let value = parameter.value.literalInt else {
                problems.append(.error("Parameter '\(name)' of \(element) must be a number, not an expression.", at: parameter.valueLocation))
                return fallback
            }
            guard value >= minimum else {
                problems.append(.error("Parameter '\(name)' of \(element) must be at least \(minimum), got \(value).", at: parameter.valueLocation))
                return fallback
            }
            guard value <= maximum else {
                problems.append(.error("Parameter '\(name)' of \(element) must be at most \(maximum), got \(value).", at: parameter.valueLocation))
                return fallback
            }
            return value
        }
        func flag(_ parameters: [String: ParameterValue], _ name: String, in element: String, default fallback: Bool) -> Bool {
            guard let parameter = parameters[name] else { return fallback }
            guard let value = parameter.value.literalBool else {
                problems.append(.error("Parameter '\(name)' of \(element) must be true or false, not an expression.", at: parameter.valueLocation))
                return fallback
            }
            return value
        }

        let parameters = definition.parameters
        let connections = definition.children("request-connection")
        for extra in connections.dropFirst() {
            problems.append(.error("Element <http:request-connection> may appear only once.", at: extra.location))
        }
        let connection = connections.first
        let connectionParameters = connection?.parameters ?? [:]
        let connectionElement = "<http:request-connection>"
        let protocolName = connectionParameters["protocol"]?.text ?? "HTTP"
        if let port = connectionParameters["port"], let number = port.value.literalInt, !(0...65535).contains(number) {
            problems.append(.error("Parameter 'port' of <http:request-connection> must be between 0 and 65535, got \(number).",
                                   at: port.valueLocation))
        }
        let tls = clientTLS(connection, protocolName: protocolName, context: context, problems: &problems)
        var authentication: BasicAuthentication?
        if let basic = connection?.child("authentication")?.child("basic-authentication") {
            authentication = BasicAuthentication(username: basic.parameters["username"]?.text ?? "",
                                                 password: basic.parameters["password"]?.text ?? "",
                                                 preemptive: flag(basic.parameters, "preemptive", in: "<http:basic-authentication>", default: true))
        }
        let proxy = connection?.child("proxy-config").flatMap { proxyServer($0, problems: &problems) }
        let maxConnections = literal(connectionParameters, "maxConnections", in: connectionElement, minimum: -1, default: -1)
        if maxConnections == 0 {
            problems.append(.error("The maxConnections parameter only allows positive values or -1 for unlimited concurrent connections.",
                                   at: connectionParameters["maxConnections"]?.valueLocation ?? definition.location))
        }
        if let streaming = parameters["requestStreamingMode"], streaming.text == "ALWAYS" {
            problems.append(RequestConfigDefinition.chunkedBodies(at: streaming.valueLocation))
        }
        if let preserve = parameters["preserveHeadersCase"], preserve.value.literalBool != false {
            problems.append(.error("preserveHeadersCase=\"true\" is not supported: Conduit gives response header names in lower case (attributes.headers.'content-type').",
                                   at: preserve.valueLocation))
        }
        if let cookies = parameters["enableCookies"], cookies.value.literalBool != false {
            context.warning("enableCookies is not implemented: Conduit keeps no cookies between requests, as with enableCookies=\"false\".",
                            at: cookies.valueLocation)
        }
        let persistent = flag(connectionParameters, "usePersistentConnections", in: connectionElement, default: true)
        let idle = literal(connectionParameters, "connectionIdleTimeout", in: connectionElement, minimum: 0, default: 30_000)
        var reconnection: ReconnectionStrategy?
        do { reconnection = try ReconnectionStrategy.read(connection: connection) } catch { problems += error.diagnostics }
        var configuration = RequestConfigDefinition(
            name: parameters["name"]?.text ?? "", location: definition.location,
            basePath: parameters["basePath"],
            scheme: protocolName == "HTTPS" ? "https" : "http",
            host: connectionParameters["host"], port: connectionParameters["port"], tls: tls, authentication: authentication, proxy: proxy,
            defaultHeaders: keyedValues(definition.child("default-headers")?.children("default-header")),
            defaultQueryParams: keyedValues(definition.child("default-query-params")?.children("query-param")),
            responseTimeoutMillis: literal(parameters, "responseTimeout", in: element, minimum: 0,
                                           default: RequestDeclaration.defaultResponseTimeoutMillis),
            followRedirects: flag(parameters, "followRedirects", in: element, default: true),
            sendCorrelationId: parameters["sendCorrelationId"]?.text ?? "AUTO",
            sendBodyMode: parameters["sendBodyMode"]?.text ?? "AUTO",
            maxResponseBodySize: literal(parameters, "maxResponseBodySize", in: element, minimum: 1,
                                         default: RequestDeclaration.defaultMaxResponseBodySize),
            maxConnections: maxConnections,
            connectionIdleTimeoutMillis: persistent ? idle : 0)
        configuration.reconnection = reconnection
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return configuration
    }

    /// The problem with `requestStreamingMode="ALWAYS"`, on a config or an operation.
    static func chunkedBodies(at location: SourceLocation) -> Diagnostic {
        .error("requestStreamingMode=\"ALWAYS\" is not supported: Conduit sends every body with its Content-Length (Mule's AUTO and NEVER do the same for bodies that are not streams).",
               at: location)
    }

    private static func keyedValues(_ elements: [ComponentDefinition]?) -> [KeyedValue] {
        (elements ?? []).compactMap { element in
            guard let key = element.parameters["key"]?.text, let value = element.parameters["value"] else { return nil }
            return KeyedValue(key: key, value: value)
        }
    }
}

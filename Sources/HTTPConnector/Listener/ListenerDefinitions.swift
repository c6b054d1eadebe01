import FlowCore
import FlowModel

/// `<http:listener-config>` with its `<http:listener-connection>`.
struct ListenerConfigDefinition: Sendable {
    /// `maxConnections` when the config does not set it: far above what a flow usually serves at
    /// once, and below the usual open-file limits of a service (4096 and up).
    static let defaultMaxConnections = 2000

    /// The config's `name`.
    let name: String
    /// Where the config is written.
    let location: SourceLocation
    /// Normalised to start with `/` and not end with one; empty when not set.
    let basePath: String
    let host: String
    let port: Int
    /// `HTTP` or `HTTPS`.
    let protocolName: String
    /// Milliseconds a request's head and body together may take to arrive, counted from when the
    /// connection is ready for it (`readTimeout`, default 30000); not reset by each read.
    let readTimeoutMillis: Int
    /// The most connections the listener keeps open at once (Conduit's `maxConnections`, default
    /// ``ListenerConfigDefinition/defaultMaxConnections``); one more is answered 503.
    let maxConnections: Int
    /// The largest request body accepted, in bytes (Conduit's `maxRequestBodySize`, default 10 MiB).
    let maxRequestBodySize: Int
    /// The server's certificate and key for `HTTPS`; nil for `HTTP`.
    let tls: TLSContextDefinition?
    /// The origins whose pages may send unsafe-method requests (`allowedOrigins`); a browser's
    /// cross-site write from any other origin is refused with 403.
    let allowedOrigins: CrossSiteRequestCheck.AllowedOrigins

    init(name: String, location: SourceLocation, basePath: String, host: String, port: Int, protocolName: String, readTimeoutMillis: Int,
                maxRequestBodySize: Int, maxConnections: Int = ListenerConfigDefinition.defaultMaxConnections, tls: TLSContextDefinition? = nil, allowedOrigins: CrossSiteRequestCheck.AllowedOrigins = .none) {
        self.name = name
        self.location = location
        self.basePath = basePath
        self.host = host
        self.port = port
        self.protocolName = protocolName
        self.readTimeoutMillis = readTimeoutMillis
        self.maxConnections = maxConnections
        self.maxRequestBodySize = maxRequestBodySize
        self.tls = tls
        self.allowedOrigins = allowedOrigins
    }
}

/// `<http:response>` or `<http:error-response>`: how the listener builds its answer.
struct ResponseBuilderDefinition: Sendable {
    let location: SourceLocation
    let statusCode: ParameterValue?
    let reasonPhrase: ParameterValue?
    /// `<http:body>`'s text, compiled as a template.
    let body: ParameterValue?
    /// `<http:headers>`'s text, an expression yielding an object.
    let headers: ParameterValue?

    init(location: SourceLocation, statusCode: ParameterValue?, reasonPhrase: ParameterValue?, body: ParameterValue?, headers: ParameterValue?) {
        self.location = location
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.body = body
        self.headers = headers
    }
}

/// `<http:listener>`: the source of a flow.
struct ListenerDefinition: Sendable {
    let location: SourceLocation
    let configRef: String
    /// The path as written, normalised to start with `/`.
    let path: String
    /// Upper-cased methods; nil when every method is allowed.
    let allowedMethods: [String]?
    let response: ResponseBuilderDefinition?
    let errorResponse: ResponseBuilderDefinition?
    /// Whether an `application/x-www-form-urlencoded` body becomes an object (`decodeFormBody`);
    /// off, it is text like any other body, so a cross-site HTML form cannot pass for JSON.
    let decodeFormBody: Bool

    init(location: SourceLocation, configRef: String, path: String, allowedMethods: [String]?, response: ResponseBuilderDefinition?,
         errorResponse: ResponseBuilderDefinition?, decodeFormBody: Bool = false) {
        self.location = location
        self.configRef = configRef
        self.path = path
        self.allowedMethods = allowedMethods
        self.response = response
        self.errorResponse = errorResponse
        self.decodeFormBody = decodeFormBody
    }
}

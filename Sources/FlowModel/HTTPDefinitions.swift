import FlowCore

/// `<http:listener-config>` with its `<http:listener-connection>`.
public struct ListenerConfigDefinition: Sendable {
    public let name: String
    public let location: SourceLocation
    /// Normalised to start with `/` and not end with one; empty when not set.
    public let basePath: String
    public let host: String
    public let port: Int
    /// `HTTP` or `HTTPS`.
    public let protocolName: String
    /// Milliseconds to wait for a request's head and body (`readTimeout`, default 30000).
    public let readTimeoutMillis: Int
    /// The largest request body accepted, in bytes (Conduit's `maxRequestBodySize`, default 10 MiB).
    public let maxRequestBodySize: Int
    /// The server's certificate and key for `HTTPS`; nil for `HTTP`.
    public let tls: ListenerTLSDefinition?

    public init(name: String, location: SourceLocation, basePath: String, host: String, port: Int, protocolName: String, readTimeoutMillis: Int,
                maxRequestBodySize: Int, tls: ListenerTLSDefinition? = nil) {
        self.name = name
        self.location = location
        self.basePath = basePath
        self.host = host
        self.port = port
        self.protocolName = protocolName
        self.readTimeoutMillis = readTimeoutMillis
        self.maxRequestBodySize = maxRequestBodySize
        self.tls = tls
    }
}

/// `<http:response>` or `<http:error-response>`: how the listener builds its answer.
public struct ResponseBuilderDefinition: Sendable {
    public let location: SourceLocation
    public let statusCode: ParameterValue?
    public let reasonPhrase: ParameterValue?
    /// `<http:body>`'s text, compiled as a template.
    public let body: ParameterValue?
    /// `<http:headers>`'s text, an expression yielding an object.
    public let headers: ParameterValue?

    public init(location: SourceLocation, statusCode: ParameterValue?, reasonPhrase: ParameterValue?, body: ParameterValue?, headers: ParameterValue?) {
        self.location = location
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.body = body
        self.headers = headers
    }
}

/// `<http:listener>`: the source of a flow.
public struct ListenerDefinition: Sendable {
    public let location: SourceLocation
    public let configRef: String
    /// The path as written, normalised to start with `/`.
    public let path: String
    /// Upper-cased methods; nil when every method is allowed.
    public let allowedMethods: [String]?
    public let response: ResponseBuilderDefinition?
    public let errorResponse: ResponseBuilderDefinition?

    public init(location: SourceLocation, configRef: String, path: String, allowedMethods: [String]?, response: ResponseBuilderDefinition?, errorResponse: ResponseBuilderDefinition?) {
        self.location = location
        self.configRef = configRef
        self.path = path
        self.allowedMethods = allowedMethods
        self.response = response
        self.errorResponse = errorResponse
    }
}

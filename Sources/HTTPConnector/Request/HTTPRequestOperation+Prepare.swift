import FlowCore
import FlowEngine
import FlowFormats
import FlowModel
import Foundation
import NIOHTTP1

extension HTTPRequestOperation {
    /// Everything evaluated from the event, ready to send.
    func prepare(_ input: OperationInput) throws(ConnectorError) -> PreparedRequest {
        let method = try settings.method.map { parameter throws(ConnectorError) in
            try ParameterCoercion.method(input.evaluate(parameter))
        } ?? "GET"
        let uriParams = try settings.uriParams.map { parameter throws(ConnectorError) in
            try NameValuePairs.object(input.evaluate(parameter), element: "uri-params")
        }
        var url: String
        if let urlParameter = settings.url {
            url = ValueText.render(try input.evaluate(urlParameter))
        } else {
            let path = try settings.path.map { parameter throws(ConnectorError) in ValueText.render(try input.evaluate(parameter)) } ?? "/"
            url = try origin(input) + RequestURI.join(basePath: try config.basePath.map { parameter throws(ConnectorError) in
                ValueText.render(try input.evaluate(parameter))
            } ?? "/", path: path)
        }
        if let uriParams { url = try RequestURI.substitute(url, params: uriParams) }
        let displayURI = RequestURI.display(url)
        if let scheme = RequestURI.unsupportedScheme(url) {
            throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "CONNECTIVITY"),
                                 message: "HTTP \(method) on resource '\(displayURI)' failed: Unsupported scheme '\(scheme.prefix(20))'.")
        }

        var query: [(String, String?)] = []
        for parameter in config.defaultQueryParams {
            query.append((parameter.key, try text(input.evaluate(parameter.value))))
        }
        if let queryParams = settings.queryParams { query += try NameValuePairs.from(input.evaluate(queryParams), element: "query-params") }
        url = RequestURI.appendingQuery(url, query)

        var headers = HTTPHeaders()
        if let headerParameter = settings.headers {
            for (name, value) in try NameValuePairs.from(input.evaluate(headerParameter), element: "headers") {
                if let value { headers.add(name: name, value: value) }
            }
        }
        for header in config.defaultHeaders {
            if let value = try text(input.evaluate(header.value)) { headers.add(name: header.key, value: value) }
        }
        let sendCorrelationId = settings.sendCorrelationId ?? config.sendCorrelationId
        if sendCorrelationId != "NEVER", !headers.contains(name: "X-Correlation-ID") {
            let correlationId = try settings.correlationId.map { parameter throws(ConnectorError) in
                ValueText.render(try input.evaluate(parameter))
            } ?? input.correlationId
            headers.add(name: "X-Correlation-ID", value: correlationId)
        }
        try Self.checkHeaders(headers, method: method, uri: displayURI)

        var body = RequestBody.empty
        let sendBodyMode = settings.sendBodyMode ?? config.sendBodyMode
        let sendsBody = sendBodyMode == "ALWAYS" || (sendBodyMode == "AUTO" && !Self.emptyBodyMethods.contains(method))
        if sendsBody {
            let payload = try settings.body.map { parameter throws(ConnectorError) in try input.evaluateTyped(parameter) } ?? input.payload
            let declaredType = settings.bodyMediaType ?? headers.first(name: "content-type")
            let encoded: RequestBody?
            do throws(FormatError) {
                encoded = try RequestBody.encode(payload, declaredType: declaredType)
            } catch {
                throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "TRANSFORMATION"),
                                     message: "HTTP \(method) on resource '\(displayURI)' failed: \(error).")
            }
            guard let encoded else {
                throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "TRANSFORMATION"),
                                     message: "HTTP \(method) on resource '\(displayURI)' failed: Conduit cannot write a value of type \(payload.lenientValue.typeName) as \(declaredType ?? "")"
                                         + "; it writes JSON, forms and text, so give this body as a string.")
            }
            body = encoded
            if let contentType = body.contentType, !headers.contains(name: "content-type") {
                headers.add(name: "Content-Type", value: contentType)
            }
        } else if sendBodyMode == "AUTO", !settings.warnedAboutBody {
            // Mule warns the first time a body is actually dropped, the default `#[payload]` too.
            let value = settings.body.map { try? input.evaluate($0) } ?? Self.unreadValue(input.payload)
            if let value, !value.isNull, value != .string("") { settings.warnAboutIgnoredBody(logger) }
        }

        var timeoutMillis = config.responseTimeoutMillis
        if let timeoutParameter = settings.responseTimeout {
            timeoutMillis = try ParameterCoercion.milliseconds(input.evaluate(timeoutParameter))
        }
        return PreparedRequest(method: method, url: url, displayURI: displayURI, headers: headers, body: body,
                               timeoutMillis: timeoutMillis)
    }

    /// `scheme://host:port` for this event, the port always written as Mule does; an IPv6 host in
    /// brackets.
    func origin(_ input: OperationInput) throws(ConnectorError) -> String {
        let host = try config.host.map { parameter throws(ConnectorError) in ValueText.render(try input.evaluate(parameter)) } ?? ""
        var port = config.defaultPort
        if let parameter = config.port {
            let value = try input.evaluate(parameter)
            guard let number = ParameterCoercion.wholeNumber(value), (0...65535).contains(number) else {
                throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                     message: "Parameter 'port' of the config '\(config.name)' must be a port number, got \(ValueText.render(value)).")
            }
            port = number
        }
        return "\(config.scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// Whether a payload would be a body, told without reading received bytes: they count by size.
    private static func unreadValue(_ payload: TypedValue) -> Value {
        if let content = payload.content { return content.count > 0 ? .bool(true) : .null }
        return payload.lenientValue
    }

    /// Methods whose body Mule drops with `sendBodyMode="AUTO"`.
    static let emptyBodyMethods: Set<String> = ["GET", "HEAD", "OPTIONS"]

    /// A header value as sent: text, or nil for null (the header is left out).
    func text(_ value: Value) -> String? {
        value.isNull ? nil : ValueText.render(value)
    }

    /// Header names and values must not break the request's framing; the value is not shown,
    /// since it may be a credential.
    static func checkHeaders(_ headers: HTTPHeaders, method: String, uri: String) throws(ConnectorError) {
        for (name, value) in headers {
            let badName = name.isEmpty || name.utf8.contains { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: ":") }
            let badValue = value.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x00 }
            if badName || badValue {
                throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "TRANSFORMATION"),
                                     message: "HTTP \(method) on resource '\(uri)' failed: header '\(name.filter { !$0.isNewline })' has a \(badName ? "name" : "value") that cannot be sent (a line break or control character).")
            }
        }
    }
}

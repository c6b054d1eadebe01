import Atomics
import ConnectorSupport
import FlowCore
import FlowModel
import Logging

/// What an `<http:request>` says, read once when the app is built: each parameter as written
/// (evaluated per event), its response validator, and the media type its `http:body` declares.
final class RequestOperationSettings: Sendable {
    let method: ParameterValue?
    let path: ParameterValue?
    let url: ParameterValue?
    /// `<http:body>`; the payload when nil.
    let body: ParameterValue?
    /// The `output` media type of the body expression, if it declares one.
    let bodyMediaType: String?
    let headers: ParameterValue?
    let queryParams: ParameterValue?
    let uriParams: ParameterValue?
    let followRedirects: ParameterValue?
    let responseTimeout: ParameterValue?
    let sendCorrelationId: String?
    /// `correlationId`: the `X-Correlation-ID` sent instead of the event's.
    let correlationId: ParameterValue?
    let sendBodyMode: String?
    /// `outputMimeType`: how to read the response body, whatever its `Content-Type` says.
    let outputMimeType: String?
    let validator: ResponseValidator
    /// The operation's `<reconnect>` or `<reconnect-forever>`, which overrides its configuration's.
    let reconnection: ReconnectionStrategy?
    /// Whether the ignored-body warning was logged; Mule logs it once.
    private let warnedAboutBodyFlag = ManagedAtomic(false)

    init(method: ParameterValue?, path: ParameterValue?, url: ParameterValue?, body: ParameterValue?, headers: ParameterValue?,
         queryParams: ParameterValue?, uriParams: ParameterValue?, followRedirects: ParameterValue?, responseTimeout: ParameterValue?,
         sendCorrelationId: String?, correlationId: ParameterValue?, sendBodyMode: String?, outputMimeType: String?, validator: ResponseValidator,
         reconnection: ReconnectionStrategy? = nil) {
        self.method = method
        self.path = path
        self.url = url
        self.body = body
        bodyMediaType = body.flatMap { RequestBody.declaredType(in: $0.text) }
        self.headers = headers
        self.queryParams = queryParams
        self.uriParams = uriParams
        self.followRedirects = followRedirects
        self.responseTimeout = responseTimeout
        self.sendCorrelationId = sendCorrelationId
        self.correlationId = correlationId
        self.sendBodyMode = sendBodyMode
        self.outputMimeType = outputMimeType
        self.validator = validator
        self.reconnection = reconnection
    }

    /// Reads `definition`; a bad validator or `url` with `path` is thrown, located.
    static func read(_ definition: ComponentDefinition) throws(DiagnosticList) -> RequestOperationSettings {
        var problems: [Diagnostic] = []
        let parameters = definition.parameters
        if let url = parameters["url"], parameters["path"] != nil {
            problems.append(.error("Element <http:request> has both 'url' and 'path': give the whole address in 'url', or a 'path' under the config's host and basePath.",
                                   at: url.location))
        }
        if let timeout = parameters["responseTimeout"], let number = timeout.value.literalInt, !(0...Int(Int32.max)).contains(number) {
            problems.append(.error("Parameter 'responseTimeout' of <http:request> must be between 0 and \(Int32.max), got \(number).",
                                   at: timeout.valueLocation))
        }
        if let streaming = parameters["requestStreamingMode"], streaming.text == "ALWAYS" {
            problems.append(RequestConfigDefinition.chunkedBodies(at: streaming.valueLocation))
        }
        var validator = ResponseValidator.default
        if let validatorElement = definition.child("response-validator") {
            let choices = validatorElement.children
            for extra in choices.dropFirst() {
                problems.append(.error("Element <http:response-validator> takes one validator; <http:\(extra.name)> is one too many.",
                                       at: extra.location))
            }
            if let choice = choices.first, let values = choice.parameters["values"] {
                do {
                    let ranges = try StatusCodeRanges(parsing: values.text)
                    validator = choice.name == "success-status-code-validator" ? .success(ranges) : .failure(ranges)
                } catch {
                    problems.append(.error(error.description, at: values.valueLocation))
                }
            } else if choices.isEmpty {
                problems.append(.error("Element <http:response-validator> needs a <http:success-status-code-validator> or <http:failure-status-code-validator>.",
                                       at: validatorElement.location))
            }
        }
        var reconnection: ReconnectionStrategy?
        let strategies = definition.children.filter { $0.namespace == "MULE" }
        for extra in strategies.dropFirst() {
            problems.append(.error("Element <http:request> takes one <reconnect> or <reconnect-forever>; <\(extra.name)> is one too many.",
                                   at: extra.location))
        }
        do { reconnection = try strategies.first.flatMap { strategy throws(DiagnosticList) in try ReconnectionStrategy.read(strategy) } } catch {
            problems += error.diagnostics
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return RequestOperationSettings(
            method: parameters["method"], path: parameters["path"], url: parameters["url"], body: definition.child("body")?.text,
            headers: definition.child("headers")?.text, queryParams: definition.child("query-params")?.text,
            uriParams: definition.child("uri-params")?.text, followRedirects: parameters["followRedirects"],
            responseTimeout: parameters["responseTimeout"], sendCorrelationId: parameters["sendCorrelationId"]?.text, correlationId: parameters["correlationId"],
            sendBodyMode: parameters["sendBodyMode"]?.text, outputMimeType: parameters["outputMimeType"]?.text, validator: validator,
            reconnection: reconnection)
    }

    /// Whether the ignored-body warning was already logged.
    var warnedAboutBody: Bool { warnedAboutBodyFlag.load(ordering: .relaxed) }

    /// Logs, the first time only, that a GET, HEAD or OPTIONS request's body is not sent.
    func warnAboutIgnoredBody(_ logger: Logger) {
        guard warnedAboutBodyFlag.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        logger.warning("Body is ignored since the HTTP Method is between the empty body methods ([GET, HEAD, OPTIONS]) and the Send Body Mode is not set to 'ALWAYS'.")
    }
}

import FlowCore
import FlowEngine
import FlowModel
import HTTPTypes
import Hummingbird

/// Answers every request of one listener configuration: routes it, reads and decodes its body,
/// runs the flow (or connector endpoint) and builds the response.
struct ListenerResponder: HTTPResponder {
    typealias Context = ListenerRequestContext

    let runtime: Runtime
    let config: ListenerConfigDefinition
    let router: ListenerRouter
    let responses: ResponseFactory
    let scheme: String

    init(runtime: Runtime, config: ListenerConfigDefinition, routes: [ListenerRoute]) {
        self.runtime = runtime
        self.config = config
        router = ListenerRouter(routes: routes)
        responses = ResponseFactory(runtime: runtime)
        scheme = config.protocolName.lowercased()
    }

    func respond(to request: Request, context: ListenerRequestContext) async throws -> Response {
        let target = RequestTarget(request.head.path ?? "/")
        let method = request.method.rawValue.uppercased()
        switch router.match(method: method, segments: target.segments) {
        case .notFound:
            return ServerResponses.noListener(target.path)
        case .methodNotAllowed:
            return ServerResponses.methodNotAllowed(target.path)
        case .route(let route, let uriParams, let maskedPath):
            let attributes = RequestAttributes.Inputs(
                method: method, target: target, headers: request.headers, listenerPath: route.listenerPath,
                basePath: config.basePath, uriParams: uriParams, maskedPath: maskedPath, scheme: scheme,
                localAddress: context.localAddress, remoteAddress: context.remoteAddress)
            switch route.target {
            case .flow(let flow, let listener):
                return try await runFlow(flow, listener, request, attributes)
            case .endpoint(let endpoint):
                return try await serveEndpoint(endpoint, request, attributes)
            }
        }
    }

    private func runFlow(_ flow: Flow, _ listener: ListenerDefinition, _ request: Request,
                         _ inputs: RequestAttributes.Inputs) async throws -> Response {
        guard flow.isStarted else { return ServerResponses.serviceUnavailable(inputs.target.path) }
        guard flow.tryEnter() else { return ServerResponses.overloaded() }
        defer { flow.leave() }
        let bytes: [UInt8]
        switch try await RequestBodyReader.read(request, limit: config.maxRequestBodySize) {
        case .tooLarge: return ServerResponses.tooLarge(limit: config.maxRequestBodySize)
        case .body(let body): bytes = body
        }
        let payload: Value
        if bytes.isEmpty {
            payload = .null
        } else if MediaType.isJSON(request.headers[.contentType]) {
            do {
                payload = try JSON.decode(bytes)
            } catch {
                return ServerResponses.invalidJSON(error.description)
            }
        } else {
            payload = .string(String(decoding: bytes, as: UTF8.self))
        }
        let event = Event(payload: payload, attributes: RequestAttributes.build(inputs),
                          correlationId: CorrelationID.resolve(request.headers))
        let outcome = await runtime.run(flow, event)
        return responses.response(for: outcome, flow: flow, listener: listener)
    }

    private func serveEndpoint(_ endpoint: ConnectorEndpoint, _ request: Request, _ inputs: RequestAttributes.Inputs) async throws -> Response {
        let bytes: [UInt8]
        switch try await RequestBodyReader.read(request, limit: config.maxRequestBodySize) {
        case .tooLarge: return ServerResponses.tooLarge(limit: config.maxRequestBodySize)
        case .body(let body): bytes = body
        }
        let answer = await endpoint.handler(EndpointRequest(attributes: RequestAttributes.build(inputs), body: bytes))
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { headers.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = (100...999).contains(answer.status) ? answer.status : 500
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

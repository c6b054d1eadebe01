import FlowCore
import FlowEngine
import FlowFormats
import HTTPTypes
import Hummingbird

/// Answers every request of one listener configuration: routes it, reads and decodes its body,
/// runs the flow (or connector endpoint) and builds the response.
///
/// The async parts hold as little as they can across their awaits (a routed request is one
/// reference): a connection's task keeps the deepest stack any of its requests needed for as
/// long as the connection is open, so every byte here costs once per open connection.
struct ListenerResponder: HTTPResponder {
    typealias Context = ListenerRequestContext

    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    let config: ListenerConfigDefinition
    let router: ListenerRouter
    let scheme: String

    init(config: ListenerConfigDefinition, routes: [ListenerRoute]) {
        self.config = config
        router = ListenerRouter(routes: routes)
        scheme = config.protocolName.lowercased()
    }

    /// A request matched to its flow or endpoint, with its attributes worked out.
    private final class RoutedRequest: Sendable {
        let route: ListenerRoute
        let path: String
        let attributes: Value

        init(route: ListenerRoute, path: String, attributes: Value) {
            self.route = route
            self.path = path
            self.attributes = attributes
        }
    }

    private enum Routing {
        case answered(Response)
        case routed(RoutedRequest)
    }

    // The helpers are kept out of line: inlined, their frames would merge into this one, and a
    // request would carry the endpoint path's room while it runs a flow.
    func respond(to request: Request, context: ListenerRequestContext) async throws -> Response {
        switch route(request, context) {
        case .answered(let response): return response
        case .routed(let routed): return try await serve(routed, request)
        }
    }

    /// Serves a routed request within its trace context (``TraceHeaders/incoming(_:)``), which
    /// its logs and outbound calls read.
    @inline(never)
    private func serve(_ routed: RoutedRequest, _ request: Request) async throws -> Response {
        try await TraceHeaders.incoming(request.headers).withCurrent { try await serveTraced(routed, request) }
    }

    @inline(never)
    private func serveTraced(_ routed: RoutedRequest, _ request: Request) async throws -> Response {
        // Only the source is taken out of the route here: one reference, where the route's enum
        // payload would be copied into this frame and stay in every connection's stack.
        if let source = routed.route.source { return try await runFlow(source, request, routed) }
        return try await serveEndpoint(request, routed)
    }

    @inline(never)
    private func route(_ request: Request, _ context: ListenerRequestContext) -> Routing {
        let target = RequestTarget(request.head.path ?? "/")
        let method = request.method.rawValue.uppercased()
        switch router.match(method: method, segments: target.segments) {
        case .notFound:
            return .answered(ServerResponses.noListener(target.path))
        case .methodNotAllowed:
            return .answered(ServerResponses.methodNotAllowed(target.path))
        case .route(let route, let uriParams, let maskedPath):
            // Safe methods are let through before any header is looked at: most requests are GETs.
            if !CrossSiteRequestCheck.safeMethods.contains(method), let refusal = CrossSiteRequestCheck.refusal(
                method: method, origin: request.headers.fieldValue(.origin), fetchSite: request.headers.fieldValue(Self.secFetchSite),
                host: request.head.authority, secure: scheme == "https", allowed: config.allowedOrigins) {
                return .answered(ServerResponses.crossSiteRefused(refusal, method: method))
            }
            let inputs = RequestAttributes.Inputs(
                method: method, target: target, headers: request.headers, listenerPath: route.listenerPath,
                basePath: config.basePath, uriParams: uriParams, maskedPath: maskedPath, scheme: scheme,
                localAddress: context.localAddress, remoteAddress: context.remoteAddress)
            return .routed(RoutedRequest(route: route, path: target.path, attributes: RequestAttributes.build(inputs)))
        }
    }

    @inline(never)
    private func runFlow(_ source: HTTPListenerSource, _ request: Request, _ routed: RoutedRequest) async throws -> Response {
        guard source.isRunning else { return ServerResponses.serviceUnavailable(routed.path) }
        // The slot is taken once the body is in: a client sending its body slowly must not hold
        // one of the flow's maxConcurrency slots while it does.
        let body = try await RequestBodyReader.read(request, limit: config.maxRequestBodySize)
        let event: Event
        switch makeEvent(body, request, routed) {
        case .answered(let response): return response
        case .event(let made): event = made
        }
        let flow = source.flow.flow
        guard flow.tryEnter() else { return ServerResponses.overloaded() }
        defer { flow.leave() }
        guard let observer = source.flow.observer else {
            return ResponseFactory.response(for: await source.flow.run(event), source: source, requestBody: event.payload)
        }
        let started = ContinuousClock.now
        let response = ResponseFactory.response(for: await source.flow.run(event), source: source, requestBody: event.payload)
        observer.sourceResponded(SourceResponseReport(flowName: flow.name, route: routed.route.listenerPath, method: request.method.rawValue,
                                                      statusCode: response.status.code, duration: ContinuousClock.now - started))
        return response
    }

    private enum EventMaking {
        case answered(Response)
        case event(Event)
    }

    /// The flow's event for a read body: the body kept as received, typed by its `Content-Type`
    /// and read when the flow first reads the payload (``RequestPayload``).
    @inline(never)
    private func makeEvent(_ body: RequestBodyReader.Outcome, _ request: Request, _ routed: RoutedRequest) -> EventMaking {
        let buffer: ByteBuffer
        switch body {
        case .tooLarge: return .answered(ServerResponses.tooLarge(limit: config.maxRequestBodySize))
        case .body(let read): buffer = read
        }
        let payload = RequestPayload.make(buffer, contentType: request.headers.fieldValue(.contentType),
                                          decodeFormBody: routed.route.source?.listener.decodeFormBody == true)
        return .event(Event(payload: payload, attributes: routed.attributes, correlationId: CorrelationID.resolve(request.headers)))
    }

    @inline(never)
    private func serveEndpoint(_ request: Request, _ routed: RoutedRequest) async throws -> Response {
        guard let endpoint = routed.route.endpoint else { return Response(status: .internalServerError) }
        let bytes: [UInt8]
        switch try await RequestBodyReader.read(request, limit: config.maxRequestBodySize) {
        case .tooLarge: return ServerResponses.tooLarge(limit: config.maxRequestBodySize)
        case .body(let body): bytes = Array(body.readableBytesView)
        }
        let answer = await endpoint.handler(EndpointRequest(attributes: routed.attributes, body: bytes))
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name), !FramingHeaders.isOwned(fieldName, connectionListed: []) {
                headers.append(HTTPField(name: fieldName, value: value))
            }
        }
        let status = (100...999).contains(answer.status) ? answer.status : 500
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

import Hummingbird

/// `POST /projects` answered by a responder of its own, without Hummingbird's router (Conduit's
/// listener is built this way, with its own router).
struct DirectResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let work: Work

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        guard request.method == .post, request.uri.path == "/projects" else {
            return Response(status: .notFound)
        }
        return try await work.handle(request)
    }
}

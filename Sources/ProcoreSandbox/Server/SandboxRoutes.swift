import Hummingbird
import Logging

/// The sandbox's HTTP surface: one router for the login side (`/oauth/…`), the API side
/// (`/rest/…`) and the admin controls (`/_sandbox/…`).
enum SandboxRoutes {
    static func router(state: SandboxState, logger: Logger, authority: String) -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: CrossSiteMiddleware())
        router.add(middleware: RateLimitMiddleware(state: state))
        router.add(middleware: FaultInjectionMiddleware(state: state))
        router.add(middleware: ErrorBodyMiddleware(logger: logger))

        /// Adapts an endpoint of the state actor to a Hummingbird route.
        func handle(_ endpoint: @escaping @Sendable (SandboxRequest, String?) async -> SandboxResponse)
            -> @Sendable (Request, SandboxRequestContext) async throws -> Response
        {
            { request, context in
                let sandboxRequest = try await SandboxRequest(request, fallbackAuthority: authority)
                return await endpoint(sandboxRequest, context.parameters.get("id")).httpResponse
            }
        }

        router.get("/oauth/authorize", use: handle { request, _ in await state.authorize(request) })
        router.post("/oauth/authorize", use: handle { request, _ in await state.authorizeDecision(request) })
        router.post("/oauth/token", use: handle { request, _ in await state.token(request) })
        router.get("/oauth/token/info", use: handle { request, _ in await state.tokenInfo(request) })
        router.post("/oauth/revoke", use: handle { request, _ in await state.revoke(request) })

        router.post("/rest/v1.0/projects", use: handle { request, _ in await state.createProject(request) })
        router.get("/rest/v1.0/projects", use: handle { request, _ in await state.listProjects(request, version: .v1_0) })
        router.get("/rest/v1.1/projects", use: handle { request, _ in await state.listProjects(request, version: .v1_1) })
        router.get("/rest/v1.0/projects/:id", use: handle { request, id in await state.showProject(request, id: id ?? "") })
        router.patch("/rest/v1.0/projects/:id", use: handle { request, id in await state.updateProject(request, id: id ?? "") })
        router.get("/rest/v1.0/me", use: handle { request, _ in await state.me(request) })
        router.get("/rest/v1.0/companies", use: handle { request, _ in await state.companies(request) })

        router.post("/_sandbox/faults", use: handle { request, _ in await state.addFault(request) })
        router.get("/_sandbox/faults", use: handle { _, _ in await state.listFaults() })
        router.delete("/_sandbox/faults", use: handle { _, _ in await state.clearFaults() })
        router.post("/_sandbox/tokens/expire", use: handle { request, _ in await state.expireTokens(request) })
        router.get("/_sandbox/projects", use: handle { request, _ in await state.adminProjects(request) })
        router.post("/_sandbox/reset", use: handle { _, _ in await state.resetToSeed() })
        router.get("/_sandbox/stats", use: handle { _, _ in await state.stats() })
        router.post("/_sandbox/rate-limit/reset", use: handle { _, _ in await state.resetRateLimit() })
        return router
    }
}

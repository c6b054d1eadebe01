import FlowCore
import HTTPTypes
import Hummingbird
import Logging

/// Paths under this prefix are the sandbox's own controls: never rate-limited nor faulted.
let adminPathPrefix = "/_sandbox/"

/// Paths under this prefix are the login side (`login.procore.com`): Procore's rate limits apply
/// to API calls, so OAuth requests are never counted.
let oauthPathPrefix = "/oauth/"

/// Logs each request's method, path (never the query or headers, which may carry secrets) and status.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            let response = try await next(request, context)
            logger.info("\(request.method) \(request.uri.path) -> \(response.status.code)")
            return response
        } catch {
            logger.info("\(request.method) \(request.uri.path) -> no response (\(error))")
            throw error
        }
    }
}

/// Counts every API request against the hourly and spike windows, answers 429 when either is
/// used up, and puts `X-Rate-Limit-*` on every such response (procore-api.md §8). Admin and OAuth
/// requests are neither counted nor refused.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    static let exceededMessage =
        "You have surpassed the max number of requests for an hour. Please wait until your limit resets."
    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard !path.hasPrefix(adminPathPrefix), !path.hasPrefix(oauthPathPrefix) else { return try await next(request, context) }
        let decision = await state.admit()
        var response: Response
        if decision.allowed {
            response = try await next(request, context)
        } else {
            response = SandboxResponse.text(429, Self.exceededMessage, headers: [("Retry-After", String(decision.retryAfter))])
                .httpResponse
        }
        // A header the inner answer already has is kept: a fault's `headers` may set one on purpose.
        for header in decision.headers {
            if let name = HTTPField.Name(header.name), response.headers[name] == nil { response.headers[name] = header.value }
        }
        return response
    }
}

/// Applies queued faults: delays a request, answers it with a chosen status, or closes its
/// connection without a response.
struct FaultInjectionMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let state: SandboxState

    /// Thrown after closing the connection, so nothing is written.
    struct ConnectionDropped: Error, CustomStringConvertible {
        var description: String { "connection dropped by an injected fault" }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard !path.hasPrefix(adminPathPrefix),
            let fault = await state.takeFault(method: request.method.rawValue, path: path,
                                              query: URLEncodedForm(encoded: Substring(request.uri.query ?? "")))
        else { return try await next(request, context) }
        if fault.delayMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(fault.delayMilliseconds))
        }
        if fault.drop {
            try? await context.channel.close()
            throw ConnectionDropped()
        }
        if fault.dropResponse {
            // The request takes effect (a project is created) and only then is the answer lost.
            _ = try await next(request, context)
            try? await context.channel.close()
            throw ConnectionDropped()
        }
        guard let status = fault.status else { return try await next(request, context) }
        return Self.response(status: status, fault: fault).httpResponse
    }

    static func response(status: Int, fault: FaultQueue.Fault) -> SandboxResponse {
        var response: SandboxResponse
        if let body = fault.body {
            response = (try? JSON.decode(body)) != nil
                ? SandboxResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: Array(body.utf8))
                : .text(status, body)
        } else if status == 429 {
            response = .text(429, RateLimitMiddleware.exceededMessage)
        } else {
            let phrase = SandboxResponse.reasonPhrase(status)
            response = .error(status, phrase.isEmpty ? "HTTP \(status)" : phrase)
        }
        if let retryAfter = fault.retryAfter ?? ((status == 429 || status == 503) ? 1 : nil) {
            response.setHeader("Retry-After", String(retryAfter))
        }
        for (name, value) in fault.headers {
            if let value { response.setHeader(name, value) } else { response.headers.removeAll { $0.name.lowercased() == name.lowercased() } }
        }
        return response
    }
}

/// Turns Hummingbird's own errors (unknown route, body too large) into Procore-style JSON
/// bodies, and any other failure into a logged 500.
///
/// An unknown route names the method and path it was asked for (never the query, which may
/// carry secrets), so that a client with a wrong base URL sees what it called.
struct ErrorBodyMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let status = Int(error.status.code)
            if status == 404 { return Self.unknownRoute(request).httpResponse }
            let phrase = SandboxResponse.reasonPhrase(status)
            return SandboxResponse.error(status, phrase.isEmpty ? "HTTP \(status)" : phrase).httpResponse
        } catch let error as FaultInjectionMiddleware.ConnectionDropped {
            throw error
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return SandboxResponse.error(500, "Internal Server Error").httpResponse
        }
    }

    /// The longest piece of a path quoted in a 404 body.
    static let maximumQuotedPathLength = 200

    /// `404 {"errors": "Not Found: no sandbox endpoint for GET /path"}`.
    static func unknownRoute(_ request: Request) -> SandboxResponse {
        var path = request.uri.path
        if path.count > maximumQuotedPathLength { path = String(path.prefix(maximumQuotedPathLength)) + "…" }
        return .error(404, "Not Found: no sandbox endpoint for \(request.method.rawValue) \(path)")
    }
}

/// Refuses browsers' cross-site writes to the admin controls (`/_sandbox/…`) and the login side
/// (`/oauth/…`) with 403 (L9): otherwise any web page open in the developer's browser could reset
/// the sandbox, queue faults that forge token answers, or spend refresh tokens. Clients that are
/// no browser send no `Origin` and pass, as does the sandbox's own consent form.
struct CrossSiteMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        let method = request.method.rawValue
        guard path.hasPrefix(adminPathPrefix) || path.hasPrefix(oauthPathPrefix),
              !CrossSiteRequestCheck.safeMethods.contains(method),
              let refusal = CrossSiteRequestCheck.refusal(
                  method: method, origin: request.headers[.origin], fetchSite: request.headers[Self.secFetchSite],
                  host: request.head.authority, secure: false, allowed: .none)
        else { return try await next(request, context) }
        let reason = switch refusal {
        case .foreignOrigin: "the request's Origin is not the sandbox's own"
        case .crossSiteFetch: "Sec-Fetch-Site says cross-site"
        }
        return SandboxResponse.error(403, "Cross-site \(method) refused: \(reason).").httpResponse
    }
}

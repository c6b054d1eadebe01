import FlowCore
import Foundation
import Logging

/// The `/_sandbox/…` endpoints for tests and demos: queue faults, expire tokens, inspect
/// projects, reset. They need no token and are neither rate-limited nor subject to faults.
extension SandboxState {
    /// `POST /_sandbox/faults` with `{count, path?, method?, status?, delayMs?, drop?, dropResponse?, body?, retryAfter?}`.
    func addFault(_ request: SandboxRequest) -> SandboxResponse {
        let body: Value
        do {
            body = try JSON.decode(request.body)
        } catch {
            return .error(400, "The request body is not valid JSON: \(error)")
        }
        switch faults.add(body) {
        case .success(let fault):
            logger.info("fault queued", metadata: ["fault": "\(JSON.encode(fault.value))"])
            return .json(201, fault.value)
        case .failure(let errors):
            return .fieldErrors(400, errors)
        }
    }

    /// `GET /_sandbox/faults`: the faults still queued.
    func listFaults() -> SandboxResponse {
        .json(200, .array(faults.faults.map(\.value)))
    }

    /// `DELETE /_sandbox/faults`.
    func clearFaults() -> SandboxResponse {
        let count = faults.faults.count
        faults.clear()
        return .json(200, .object(ValueObject([("cleared", .int(Int64(count)))])))
    }

    /// `POST /_sandbox/tokens/expire` with `{"access_token": "…"}`, or an empty body for every token.
    func expireTokens(_ request: SandboxRequest) -> SandboxResponse {
        var token: String?
        if !request.body.isEmpty {
            guard let body = try? JSON.decode(request.body), let object = body.objectValue else {
                return .error(400, "The body must be a JSON object such as {\"access_token\": \"…\"} (or empty)")
            }
            if let value = object["access_token"], !value.isNull {
                guard let text = value.stringValue else { return .error(400, "access_token must be a string") }
                token = text
            }
        }
        let count = tokens.expire(accessToken: token, now: Date())
        persist()
        return .json(200, .object(ValueObject([("expired", .int(Int64(count)))])))
    }

    /// `GET /_sandbox/projects[?company_id=…]`: every project, full objects, templates included.
    func adminProjects(_ request: SandboxRequest) -> SandboxResponse {
        var records = projects.all
        if let text = request.query["company_id"] {
            guard let id = Int64(text) else { return .error(400, "company_id must be an integer") }
            records = records.filter { $0.companyID == id }
        }
        return .json(200, .array(records.map { renderer(company: $0.companyID).full($0) }))
    }

    /// `POST /_sandbox/reset`: back to the seed's state.
    func resetToSeed() -> SandboxResponse {
        do {
            try reset()
        } catch {
            return .error(500, error.message)
        }
        return .json(200, .object(ValueObject([("reset", .bool(true))])))
    }

    /// `GET /_sandbox/stats`: the token endpoint's grants by type, refresh-token reuse attempts
    /// and `invalid_grant` answers since start or the last reset.
    func stats() -> SandboxResponse {
        .json(200, tokenStatistics.value)
    }

    /// `POST /_sandbox/rate-limit/reset`: starts both rate-limit windows afresh.
    func resetRateLimit() -> SandboxResponse {
        rateLimiter.reset()
        return .json(200, .object(ValueObject([("reset", .bool(true))])))
    }
}

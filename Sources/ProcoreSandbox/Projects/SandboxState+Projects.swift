import FlowCore
import Foundation
import Logging

/// The API side: create, update, show and list projects (procore-api.md §4, §5, §7).
extension SandboxState {
    /// `POST /rest/v1.0/projects`.
    func createProject(_ request: SandboxRequest) -> SandboxResponse {
        idempotent(request) { (caller: RESTCaller) throws(Rejection) -> SandboxResponse in
            let (company, input) = try parseProjectBody(request, caller: caller)
            let validator = ProjectValidator(company: company, templateIDs: projects.templateIDs(company: company.id))
            let changes: ProjectChanges
            switch validator.validate(input, existing: nil) {
            case .failure(let errors): return .fieldErrors(422, errors)
            case .success(let valid): changes = valid
            }
            if let conflict = originConflict(changes, company: company.id, excluding: nil) { return conflict }
            let now = Date()
            var record = ProjectRecord(
                id: projects.allocateID(), companyID: company.id, attributes: ValueObject(), customFields: ValueObject(),
                template: false, createdByID: caller.grant.userID, createdAt: now, updatedAt: now)
            if changes.value("project_stage_id") == nil, let stage = company.defaultProjectStageID {
                record.attributes["project_stage_id"] = .int(stage)
            }
            if changes.value("active") == nil { record.attributes["active"] = .bool(true) }
            record.apply(changes, at: now)
            projects.insert(record)
            persist()
            logger.info("project created", metadata: ["project_id": "\(record.id)", "company_id": "\(company.id)"])
            return .json(201, renderer(company: company.id).full(record))
        }
    }

    /// `PATCH /rest/v1.0/projects/{id}`: only the keys sent change; `department_ids` replaces the set.
    func updateProject(_ request: SandboxRequest, id: String) -> SandboxResponse {
        idempotent(request) { (caller: RESTCaller) throws(Rejection) -> SandboxResponse in
            let (company, input) = try parseProjectBody(request, caller: caller)
            guard let projectID = Int64(id), var record = projects[projectID], record.companyID == company.id else {
                return Self.notFound()
            }
            let validator = ProjectValidator(company: company, templateIDs: projects.templateIDs(company: company.id))
            let changes: ProjectChanges
            switch validator.validate(input, existing: record) {
            case .failure(let errors): return .fieldErrors(422, errors)
            case .success(let valid): changes = valid
            }
            if let conflict = originConflict(changes, company: company.id, excluding: record.id) { return conflict }
            record.apply(changes, at: Date())
            projects.insert(record)
            persist()
            logger.info("project updated", metadata: ["project_id": "\(record.id)", "company_id": "\(company.id)"])
            return .json(200, renderer(company: company.id).full(record))
        }
    }

    /// `GET /rest/v1.0/projects/{id}?company_id=…`.
    func showProject(_ request: SandboxRequest, id: String) -> SandboxResponse {
        rejecting { () throws(Rejection) -> SandboxResponse in
            let caller = try authenticate(request)
            let company = try requestedCompany(request.query["company_id"].map(Value.string), caller: caller)
            guard let projectID = Int64(id), let record = projects[projectID], record.companyID == company.id else {
                return Self.notFound()
            }
            if request.query["view"] == "minimal" {
                return .json(200, renderer(company: company.id).compact(record, withDisplayName: true))
            }
            return .json(200, renderer(company: company.id).full(record))
        }
    }

    /// `GET /rest/v1.0/projects` and `GET /rest/v1.1/projects`, paginated with `Total`, `Per-Page` and `Link`.
    func listProjects(_ request: SandboxRequest, version: ProjectListVersion) -> SandboxResponse {
        rejecting { () throws(Rejection) -> SandboxResponse in
            let caller = try authenticate(request)
            let company = try requestedCompany(request.query["company_id"].map(Value.string), caller: caller)
            let page = try Pagination(request.query, defaultPerPage: 100, maximumPerPage: version == .v1_1 ? 300 : 1000)
            let renderer = renderer(company: company.id)
            var selected = try ProjectListFilter(request.query, version: version)
                .apply(projects.projects(company: company.id), displayName: renderer.displayName)
            switch request.query["sort"] {
            case "name":
                selected.sort { ($0["name"].stringValue ?? "") < ($1["name"].stringValue ?? "") }
            case "display_name":
                selected.sort { renderer.displayName($0) < renderer.displayName($1) }
            default:
                break
            }
            let items = page.slice(selected).map { record -> Value in
                switch version {
                case .v1_0:
                    request.query["serializer_view"] == "compact"
                        ? renderer.compact(record, withDisplayName: true) : renderer.listItemV10(record)
                case .v1_1:
                    switch request.query["view"] {
                    case "ids": .object(ValueObject([("id", .int(record.id))]))
                    case "compact": renderer.compact(record, withDisplayName: false)
                    default: renderer.full(record)
                    }
                }
            }
            return .json(200, .array(items), headers: page.headers(total: selected.count, request: request))
        }
    }

    /// `GET /rest/v1.0/me`: the token's user (no company header needed).
    func me(_ request: SandboxRequest) -> SandboxResponse {
        rejecting { () throws(Rejection) -> SandboxResponse in
            let caller = try authenticate(request, requireCompany: false)
            guard let user = seed.user(caller.grant.userID) else { return Self.notFound() }
            return .json(200, .object(ValueObject([("id", .int(user.id)), ("login", .string(user.login)), ("name", .string(user.name))])))
        }
    }

    /// `GET /rest/v1.0/companies`: the companies the token's app is connected to.
    func companies(_ request: SandboxRequest) -> SandboxResponse {
        rejecting { () throws(Rejection) -> SandboxResponse in
            let caller = try authenticate(request, requireCompany: false)
            let companies = caller.app.connectedCompanyIDs.compactMap { seed.company($0) }.map { company -> Value in
                .object(ValueObject([
                    ("id", .int(company.id)), ("name", .string(company.name)), ("is_active", .bool(true)),
                    ("logo_url", .null), ("pcn_business_experience", .bool(false)), ("my_company", .bool(false)),
                ]))
            }
            return .json(200, .array(companies))
        }
    }

    static func notFound() -> SandboxResponse { .error(404, "Not Found") }

    // MARK: Helpers

    /// The body's company and `project` object; 400 for malformed JSON or a missing part.
    private func parseProjectBody(_ request: SandboxRequest, caller: RESTCaller) throws(Rejection) -> (SeedCompany, ValueObject) {
        let body: Value
        do {
            body = try JSON.decode(request.body)
        } catch {
            throw Rejection(response: .error(400, "The request body is not valid JSON: \(error)"))
        }
        guard let object = body.objectValue else {
            throw Rejection(response: .error(400, "The request body must be a JSON object"))
        }
        let company = try requestedCompany(object["company_id"] ?? request.query["company_id"].map(Value.string), caller: caller)
        guard let project = object["project"]?.objectValue, !project.isEmpty else {
            throw Rejection(response: .error(400, "param is missing or the value is empty: project"))
        }
        return (company, project)
    }

    private func originConflict(_ changes: ProjectChanges, company: Int64, excluding: Int64?) -> SandboxResponse? {
        guard case .string(let origin)? = changes.value("origin_id"), !origin.isEmpty,
            projects.project(company: company, originID: origin, excluding: excluding) != nil
        else { return nil }
        var errors = FieldErrors()
        errors.add("origin_id", "has already been taken")
        return .fieldErrors(409, errors)
    }

    private func rejecting(_ body: () throws(Rejection) -> SandboxResponse) -> SandboxResponse {
        do {
            return try body()
        } catch {
            return error.response
        }
    }

    /// Runs a POST or PATCH once per `Idempotency-Token`: a repeated token gets the first response
    /// again (marked `Idempotent-Replayed: true`) and changes nothing.
    private func idempotent(_ request: SandboxRequest, _ body: (RESTCaller) throws(Rejection) -> SandboxResponse)
        -> SandboxResponse
    {
        rejecting { () throws(Rejection) -> SandboxResponse in
            let caller = try authenticate(request)
            guard let token = request.header("Idempotency-Token"), !token.isEmpty else { return try body(caller) }
            let key = IdempotencyCache.key(clientID: caller.app.clientID, token: token)
            let now = Date()
            if var replay = idempotency.response(for: key, now: now) {
                replay.setHeader("Idempotent-Replayed", "true")
                return replay
            }
            let response: SandboxResponse
            do throws(Rejection) {
                response = try body(caller)
            } catch {
                response = error.response
            }
            idempotency.store(response, for: key, now: now)
            persist()
            return response
        }
    }
}

/// The two versions of the project list (only the list has a v1.1).
enum ProjectListVersion: Sendable {
    case v1_0, v1_1
}

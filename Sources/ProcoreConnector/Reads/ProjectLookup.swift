import FlowCore

/// `procore:get-project`'s validated request: `GET /rest/v1.0/projects/{projectId}?company_id=…`
/// (procore-api.md §7.1).
package struct ProjectLookup: Sendable, Hashable {
    package let companyId: Int64
    package let projectId: Int64

    /// Validates the evaluated parameters; every problem is listed in one `BAD_REQUEST`.
    package init(_ parameters: [String: Value]) throws(ProcoreError) {
        var problems: [String] = []
        let companyId = ProjectRequestBuilder.requiredID("companyId", parameters["companyId"], problems: &problems)
        let projectId = ProjectRequestBuilder.requiredID("projectId", parameters["projectId"], problems: &problems)
        guard let companyId, let projectId else { throw ProcoreError(.badRequest, problems.joined(separator: "; ")) }
        self.companyId = companyId
        self.projectId = projectId
    }

    /// The path with its query.
    package var path: String {
        "\(ProjectRequestBuilder.projectsPath)/\(projectId)?company_id=\(companyId)"
    }
}

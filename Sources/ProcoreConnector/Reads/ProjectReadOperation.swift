/// The operations that read projects.
package enum ProjectReadOperation: String, Sendable, Hashable, CaseIterable {
    /// `procore:get-project`: `GET /rest/v1.0/projects/{projectId}`.
    case get = "get-project"
    /// `procore:list-projects`: `GET /rest/v1.1/projects`, every page.
    case list = "list-projects"

    /// The parameters that go into the request, in the order their problems are reported.
    package var parameters: [String] {
        switch self {
        case .get: ["companyId", "projectId"]
        case .list: ["companyId"] + ProjectListQuery.filterParameters
        }
    }
}

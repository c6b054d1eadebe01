import FlowCore
import FlowEngine
import FlowFormats
import Logging

/// The read operations: `get-project` and `list-projects`, with the same validation, token
/// refresh, retries and rate-limit handling as the writes.
extension ProcoreClient {
    /// `procore:get-project`: the project as Procore shows it; `NOT_FOUND` when the company has
    /// no such project (or the user cannot see it).
    package func getProject(_ parameters: [String: Value], resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        let lookup = try validatedRead(.get) { () throws(ProcoreError) in try ProjectLookup(parameters) }
        return try await send(WireRequest(getting: lookup.path, companyId: lookup.companyId, operation: .get), resourceOwnerId: resourceOwnerId)
    }

    /// `procore:list-projects`: the first page fetched now, the rest as the payload is walked
    /// (``ProjectPages``); the attributes are the first page's answer (`headers.total`).
    package func listProjects(_ parameters: [String: Value], resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        let query = try validatedRead(.list) { () throws(ProcoreError) in try ProjectListQuery(parameters) }
        let response = try await fetchListPage(query, number: 1, resourceOwnerId: resourceOwnerId)
        let first = try ProjectPages.page(response, number: 1, query: query)
        let pages = ProjectPages(client: self, query: query, resourceOwnerId: resourceOwnerId, first: first)
        return Message(payload: TypedValue(pages: pages), attributes: response.attributes)
    }

    /// Page `number` of `query`'s list, as Procore answered it.
    func fetchListPage(_ query: ProjectListQuery, number: Int, resourceOwnerId: String?) async throws(ProcoreError) -> Message {
        logger.debug("list-projects fetching page \(number) (\(query.pageSize) a page) for company \(query.companyId)",
                     metadata: ["procore.config": "\(configuration.name)", "procore.page": "\(number)"])
        return try await send(WireRequest(getting: query.path(page: number), companyId: query.companyId, operation: .list), resourceOwnerId: resourceOwnerId)
    }

    /// `build()`'s result, logging at debug whether the parameters were valid, as the writes do.
    private func validatedRead<T>(_ operation: ProjectReadOperation, _ build: () throws(ProcoreError) -> T) throws(ProcoreError) -> T {
        do throws(ProcoreError) {
            let request = try build()
            logger.debug("\(operation.rawValue) parameters valid", metadata: ["procore.config": "\(configuration.name)"])
            return request
        } catch {
            logger.debug("\(operation.rawValue) parameters invalid: \(error.description)", metadata: ["procore.config": "\(configuration.name)"])
            throw error
        }
    }
}

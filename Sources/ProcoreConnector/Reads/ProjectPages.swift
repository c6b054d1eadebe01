import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Logging
import NIOConcurrencyHelpers

/// `procore:list-projects`' result: every page of the list, fetched as a `foreach` walks them
/// (``PagedValues``), so that iterating 50,000 projects holds one page at a time.
///
/// The operation fetches the first page itself, so that a list that cannot be read at all (a
/// 401, 403, exhausted 429s) fails at the operation; the first walk starts from that page, later
/// walks fetch it again. A page follows while Procore's `Link` header has `rel="next"` (without a
/// `Link` header: while a page comes back full), never past an empty page or the `Total` header's
/// count. A page that fails after its retries fails the walk with the operation's error type.
final class ProjectPages: PagedValues {
    /// One page's projects and whether another follows.
    struct Page: Sendable {
        let projects: [Value]
        let hasNext: Bool
    }

    private let client: ProcoreClient
    private let query: ProjectListQuery
    private let resourceOwnerId: String?
    /// The first page, until the first walk takes it.
    private let prefetched: NIOLockedValueBox<Page?>

    init(client: ProcoreClient, query: ProjectListQuery, resourceOwnerId: String?, first: Page) {
        self.client = client
        self.query = query
        self.resourceOwnerId = resourceOwnerId
        prefetched = NIOLockedValueBox(first)
    }

    func makePageIterator() -> any PageIterator {
        Iterator(pages: self, first: prefetched.withLockedValue { first in
            defer { first = nil }
            return first
        })
    }

    /// Page `number`, fetched with the client's retries and rate-limit handling.
    func fetch(_ number: Int) async throws(ProcoreError) -> Page {
        try Self.page(try await client.fetchListPage(query, number: number, resourceOwnerId: resourceOwnerId),
                      number: number, query: query)
    }

    /// The projects and the next-page decision of Procore's answer for page `number`.
    static func page(_ response: Message, number: Int, query: ProjectListQuery) throws(ProcoreError) -> Page {
        guard case .array(let projects)? = try? response.payload.value else {
            throw ProcoreError(.unexpectedError, "Procore's answer to GET \(ProjectListQuery.path) page \(number) is not a JSON array of projects.",
                               errorMessage: response)
        }
        let headers = response.attributes["headers"]
        var hasNext = !projects.isEmpty
        if let link = headers?["link"]?.stringValue {
            hasNext = hasNext && link.contains("rel=\"next\"")
        } else {
            hasNext = hasNext && projects.count >= query.pageSize
        }
        if let total = headers?["total"]?.stringValue.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
           number.multipliedReportingOverflow(by: query.pageSize).partialValue >= total {
            hasNext = false
        }
        return Page(projects: projects.values, hasNext: hasNext)
    }

    /// One walk: the pages in order, the next fetched only when asked for.
    private final class Iterator: PageIterator {
        private let pages: ProjectPages
        private var first: Page?
        private var next = 1
        private var finished = false

        init(pages: ProjectPages, first: Page?) {
            self.pages = pages
            self.first = first
        }

        func nextPage() async throws -> [Value]? {
            guard !finished else { return nil }
            let page: Page
            if next == 1, let first {
                page = first
                self.first = nil
            } else {
                do {
                    page = try await pages.fetch(next)
                } catch {
                    finished = true
                    throw ProcoreFlowOperation.connectorError(error)
                }
            }
            next += 1
            finished = !page.hasNext
            return page.projects
        }
    }
}

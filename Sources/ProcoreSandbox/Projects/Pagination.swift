/// `page` and `per_page` query parameters and the `Total`, `Per-Page` and `Link` headers
/// (procore-api.md §7.3).
struct Pagination {
    let page: Int
    let perPage: Int

    init(_ query: QueryParameters, defaultPerPage: Int, maximumPerPage: Int) throws(Rejection) {
        page = try Self.positive(query["page"], name: "page") ?? 1
        perPage = min(try Self.positive(query["per_page"], name: "per_page") ?? defaultPerPage, maximumPerPage)
    }

    private static func positive(_ text: String?, name: String) throws(Rejection) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let number = Int(text), number >= 1 else {
            throw Rejection(response: .error(400, "\(name) must be a positive integer"))
        }
        return number
    }

    /// The items of this page; empty past the end (clients page until an empty array).
    func slice<T>(_ items: [T]) -> [T] {
        let (start, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        guard !overflow, start < items.count else { return [] }
        return Array(items[start..<min(items.count, start + perPage)])
    }

    func lastPage(total: Int) -> Int {
        max(1, (total + perPage - 1) / perPage)
    }

    /// `Total`, `Per-Page` and, when there is more than one page, `Link` with absolute URLs that
    /// keep the request's other query parameters.
    func headers(total: Int, request: SandboxRequest) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [("Total", String(total)), ("Per-Page", String(perPage))]
        let last = lastPage(total: total)
        guard last > 1 || page > 1 else { return headers }
        let kept = request.query.pairs.filter { $0.name != "page" && $0.name != "per_page" }
        func url(_ target: Int) -> String {
            let query = QueryParameters(pairs: kept + [("page", String(target)), ("per_page", String(perPage))])
            return "<\(request.origin)\(request.path)?\(query.encoded)>"
        }
        var links: [String] = []
        if page > 1 {
            links.append("\(url(1)); rel=\"first\"")
            links.append("\(url(min(page - 1, last))); rel=\"prev\"")
        }
        links.append("\(url(last)); rel=\"last\"")
        if page < last { links.append("\(url(page + 1)); rel=\"next\"") }
        headers.append(("Link", links.joined(separator: ", ")))
        return headers
    }
}

import FlowCore

/// Values a connector fetches a page at a time: the result of a paged operation (Mule's
/// `PagingProvider`), such as `procore:list-projects` walking Procore's `page`/`per_page`.
///
/// A ``TypedValue`` made with ``TypedValue/init(pages:)`` carries one unread. A `foreach` over
/// it asks for one page at a time and lets each go before the next, so iterating 50,000 projects
/// holds one page; anything else that reads the payload gets every page fetched into one array
/// first (the engine does that, asynchronously, before the component runs). Each walk starts
/// from the first page again: the sequence is repeatable, not buffered.
public protocol PagedValues: AnyObject, Sendable {
    /// A walk over the pages from the first.
    func makePageIterator() -> any PageIterator
}

/// One walk over a ``PagedValues``' pages; used by one task at a time.
public protocol PageIterator: AnyObject {
    /// The next page's values; nil once the last page has been returned. Throws the connector's
    /// error for a page it could not fetch.
    func nextPage() async throws -> [Value]?
}

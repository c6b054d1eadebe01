import FlowCore
import FlowFormats

/// Paged payloads (``PagedValues``): walked a page at a time by `foreach`, fetched into one
/// array before any other component reads them.
extension ExecutionContext {
    /// `event` with its paged payload, if it has one, replaced by every page's values in one
    /// array (a component other than `foreach` is about to read it, or the flow ends with it).
    func fetchingPages(_ event: Event) async throws(FlowFailure) -> Event {
        guard let pages = event.payload.pages else { return event }
        var values: [Value] = []
        try await forEachPage(of: pages, event) { (page: [Value]) throws(FlowFailure) in values.append(contentsOf: page) }
        var fetched = event
        fetched.payload = TypedValue(.array(values))
        return fetched
    }

    /// Calls `body` with each page in turn, holding only the page being handled. A page that
    /// cannot be fetched fails as the operation that returned the pages, with `event` (its
    /// payload null, so that an error handler reading it does not fetch the pages again).
    func forEachPage(of pages: any PagedValues, _ event: Event,
                     _ body: ([Value]) async throws(FlowFailure) -> Void) async throws(FlowFailure) {
        let iterator = pages.makePageIterator()
        while true {
            let page: [Value]?
            do {
                page = try await iterator.nextPage()
            } catch {
                throw pageFailure(error, event)
            }
            guard let page else { return }
            try await body(page)
        }
    }

    private func pageFailure(_ error: any Error, _ event: Event) -> FlowFailure {
        var failed = event
        failed.payload = TypedValue(.null)
        // Every paged payload comes from an operation, whose ``OperationPages`` throws only this.
        let failure = error as! PageFetchFailure
        return failure.operation.failure(failure.error, failed, self)
    }
}

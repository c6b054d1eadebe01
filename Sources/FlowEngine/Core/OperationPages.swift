import FlowCore
import FlowFormats

/// A paged operation's result (``PagedValues``) with the operation that returned it, so that a
/// page fetched later (inside a `foreach`, or when the engine fetches every page) fails as the
/// operation would have: with its error type after its `<error-mapping>`s, at its location.
final class OperationPages: PagedValues {
    let pages: any PagedValues
    let operation: OperationProcessor

    init(_ pages: any PagedValues, operation: OperationProcessor) {
        self.pages = pages
        self.operation = operation
    }

    func makePageIterator() -> any PageIterator {
        Iterator(pages.makePageIterator(), operation: operation)
    }

    private final class Iterator: PageIterator {
        let pages: any PageIterator
        let operation: OperationProcessor

        init(_ pages: any PageIterator, operation: OperationProcessor) {
            self.pages = pages
            self.operation = operation
        }

        func nextPage() async throws -> [Value]? {
            do {
                return try await pages.nextPage()
            } catch let error as ConnectorError {
                throw PageFetchFailure(error: error, operation: operation)
            } catch {
                // A connector throws only its own errors; anything else (a cancellation) is no type of its.
                throw PageFetchFailure(error: ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "UNKNOWN"),
                                                             message: "\(error)"), operation: operation)
            }
        }
    }
}

/// A connector's error for a page, with the operation that raises it.
struct PageFetchFailure: Error {
    let error: ConnectorError
    let operation: OperationProcessor
}

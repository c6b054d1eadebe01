import FlowCore

/// The core error types the engine raises itself, looked up once.
struct CoreErrorTypes: Sendable {
    let any: ErrorType
    let expression: ErrorType
    let retryExhausted: ErrorType
    let routing: ErrorType
    let unknown: ErrorType
    let critical: ErrorType
    let duplicateMessage: ErrorType
    let redeliveryExhausted: ErrorType

    init(_ repository: ErrorTypeRepository) {
        any = repository.core("ANY")
        expression = repository.core("EXPRESSION")
        retryExhausted = repository.core("RETRY_EXHAUSTED")
        routing = repository.core("ROUTING")
        unknown = repository.core("UNKNOWN")
        critical = repository.core("CRITICAL")
        duplicateMessage = repository.core("DUPLICATE_MESSAGE")
        redeliveryExhausted = repository.core("REDELIVERY_EXHAUSTED")
    }
}

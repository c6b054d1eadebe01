import ConnectorSupport

extension ProcoreError {
    /// The `PROCORE:` error for a failed OAuth step: each kind has its type, a provider status
    /// goes through ``ProcoreErrorType/forStatus(_:)``; description and response are kept.
    @inline(never)
    init(_ error: OAuthError) {
        let type: ProcoreErrorType = switch error.kind {
        case .connectivity: .connectivity
        case .retryExhausted: .retryExhausted
        case .unauthorized: .unauthorized
        case .accessTokenMissing: .accessTokenMissing
        case .stateMissing: .oauthStateMissing
        case .unexpected: .unexpectedError
        case .status(let status): .forStatus(status)
        }
        self.init(type, error.description, errorMessage: error.response, causes: error.causes)
    }
}

/// Which response statuses an `http:request` accepts (mule-components §2.6): Mule's default
/// `0..399`, a `success-status-code-validator` (listed codes succeed) or a
/// `failure-status-code-validator` (listed codes fail).
enum ResponseValidator: Sendable, Hashable {
    /// The listed codes succeed, every other one fails.
    case success(StatusCodeRanges)
    /// The listed codes fail, every other one succeeds.
    case failure(StatusCodeRanges)

    /// Mule's validator when none is given: status 400 and above fail.
    static let `default` = ResponseValidator.success(StatusCodeRanges([0...399]))

    /// Whether a response with `status` passes.
    func accepts(_ status: Int) -> Bool {
        switch self {
        case .success(let ranges): ranges.contains(status)
        case .failure(let ranges): !ranges.contains(status)
        }
    }
}

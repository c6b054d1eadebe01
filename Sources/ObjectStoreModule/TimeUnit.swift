/// Java's `TimeUnit`, as Mule's time attributes name it (`entryTtlUnit="HOURS"`).
enum TimeUnit: String {
    case nanoseconds = "NANOSECONDS", microseconds = "MICROSECONDS", milliseconds = "MILLISECONDS"
    case seconds = "SECONDS", minutes = "MINUTES", hours = "HOURS", days = "DAYS"

    /// `amount` of this unit, or nil when it is beyond a hundred years (kept out of Duration's
    /// arithmetic, which would trap).
    func duration(_ amount: Int) -> Duration? {
        let nanoseconds: Int = switch self {
        case .nanoseconds: 1
        case .microseconds: 1_000
        case .milliseconds: 1_000_000
        case .seconds: 1_000_000_000
        case .minutes: 60_000_000_000
        case .hours: 3_600_000_000_000
        case .days: 86_400_000_000_000
        }
        let (total, overflow) = amount.multipliedReportingOverflow(by: nanoseconds)
        guard !overflow, total <= 100 * 365 * 86_400_000_000_000 else { return nil }
        return .nanoseconds(total)
    }
}

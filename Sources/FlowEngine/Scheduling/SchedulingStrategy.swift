import Foundation

/// When a `<scheduler>` fires: `<fixed-frequency>` (fixed rate, the first run `startDelay` after
/// the source starts) or `<cron>` (a Quartz expression in a time zone).
enum SchedulingStrategy: Sendable {
    case fixedFrequency(period: Duration, startDelay: Duration)
    case cron(CronExpression, TimeZone)
}

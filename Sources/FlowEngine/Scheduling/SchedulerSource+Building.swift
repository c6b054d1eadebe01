import FlowCore
import FlowModel
import Foundation
import Logging

extension SchedulerSource {
    /// The `<scheduler>` `definition` describes, for `flow`, run where `leadership` says; every
    /// problem thrown together, located.
    static func make(_ definition: ComponentDefinition, flow: SourceFlow, leadership: any SchedulerLeadership, logger: Logger,
                     warn: (Diagnostic) -> Void) throws(DiagnosticList) -> SchedulerSource {
        var problems: [Diagnostic] = []
        let strategies = definition.child("scheduling-strategy")?.children ?? []
        guard let strategyElement = strategies.first else {
            problems.append(.error("Element <scheduler> needs a <scheduling-strategy> with a <fixed-frequency> or a <cron>.", at: definition.location))
            throw DiagnosticList(problems)
        }
        for extra in strategies.dropFirst() {
            problems.append(.error("Element <scheduling-strategy> takes one strategy: <fixed-frequency> or <cron>.", at: extra.location))
        }
        if let concurrent = definition.parameters["disallowConcurrentExecution"], concurrent.value.literalBool == false {
            warn(.warning("disallowConcurrentExecution=\"false\" is not supported: Conduit never starts a scheduled run while the previous one is running, and skips the tick.",
                          at: concurrent.location))
        }
        let strategy: SchedulingStrategy
        switch strategyElement.name {
        case "cron":
            guard let expression = strategyElement.parameters["expression"] else { throw DiagnosticList(problems) }
            let cron: CronExpression
            do {
                cron = try CronExpression(expression.text)
            } catch {
                problems.append(.error("Invalid cron expression '\(expression.text)': \(error.reason).",
                                       at: expression.valueLocation.advanced(by: error.offset)))
                throw DiagnosticList(problems)
            }
            var timeZone = TimeZone.current
            if let zone = strategyElement.parameters["timeZone"] {
                if let named = TimeZone(identifier: zone.text) {
                    timeZone = named
                } else {
                    warn(.warning("Configured timezone '\(zone.text)' is invalid in scheduler. Defaulting to GMT", at: zone.valueLocation))
                    timeZone = TimeZone(identifier: "GMT")!
                }
            }
            strategy = .cron(cron, timeZone)
        default:
            let unitMilliseconds = switch strategyElement.parameters["timeUnit"]?.text ?? "MILLISECONDS" {
            case "SECONDS": 1000
            case "MINUTES": 60_000
            case "HOURS": 3_600_000
            case "DAYS": 86_400_000
            default: 1
            }
            func number(_ name: String, default value: Int, minimum: Int, message: String) -> Int {
                guard let parameter = strategyElement.parameters[name] else { return value }
                guard let literal = parameter.value.literalInt else {
                    problems.append(.error("Parameter '\(name)' of <fixed-frequency> must be a number, not an expression.", at: parameter.valueLocation))
                    return value
                }
                if literal < minimum { problems.append(.error(message, at: parameter.valueLocation)) }
                return literal
            }
            let frequency = number("frequency", default: 60_000, minimum: 1, message: "Frequency must be greater then zero")
            let startDelay = number("startDelay", default: 0, minimum: 0, message: "Start delay must be greater then zero")
            // The values may come from properties: a product past a thousand years would trap in
            // Duration's arithmetic (or in the clock's) instead of being reported.
            let longest = 1000 * 365 * 86_400_000
            for (name, value) in [("frequency", frequency), ("startDelay", startDelay)] {
                let (product, overflow) = value.multipliedReportingOverflow(by: unitMilliseconds)
                if overflow || product > longest, let parameter = strategyElement.parameters[name] {
                    problems.append(.error("Parameter '\(name)' of <fixed-frequency> is too large: at most a thousand years, got \(value) \(strategyElement.parameters["timeUnit"]?.text ?? "MILLISECONDS").",
                                           at: parameter.valueLocation))
                }
            }
            guard problems.isEmpty else { throw DiagnosticList(problems) }
            strategy = .fixedFrequency(period: .milliseconds(unitMilliseconds * frequency),
                                       startDelay: .milliseconds(unitMilliseconds * startDelay))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return SchedulerSource(flow: flow, strategy: strategy, leadership: leadership, logger: logger)
    }
}

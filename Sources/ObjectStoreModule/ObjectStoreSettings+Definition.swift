import FlowCore
import FlowEngine
import FlowModel

extension ObjectStoreSettings {
    /// The settings an `os:object-store` or `os:private-object-store` writes, with Mule's
    /// defaults (persistent, no TTL, no limit, expiry every minute); literal values only, each
    /// bad one reported where it is written.
    init(_ definition: ComponentDefinition, warn: (String, SourceLocation) -> Void) throws(DiagnosticList) {
        self.init()
        var problems: [Diagnostic] = []
        let element = "<\(definition.qualifiedName)>"
        func number(_ name: String) -> (Int, ParameterValue)? {
            guard let parameter = definition.parameters[name] else { return nil }
            guard let value = parameter.value.literalInt else {
                problems.append(.error("Parameter '\(name)' of \(element) must be a whole number, not an expression.", at: parameter.valueLocation))
                return nil
            }
            return (value, parameter)
        }
        func duration(_ name: String, unit unitName: String, defaultUnit: TimeUnit) -> (Int, Duration?)? {
            guard let (amount, parameter) = number(name) else { return nil }
            let unit = definition.parameters[unitName].flatMap { TimeUnit(rawValue: $0.text) } ?? defaultUnit
            guard let duration = unit.duration(amount) else {
                problems.append(.error("Parameter '\(name)' of \(element) is too large: at most a hundred years, got \(amount) \(unit.rawValue).",
                                       at: parameter.valueLocation))
                return nil
            }
            return (amount, duration)
        }
        if let persistent = definition.parameters["persistent"] {
            if let literal = persistent.value.literalBool {
                isPersistent = literal
            } else {
                problems.append(.error("Parameter 'persistent' of \(element) must be true or false, not an expression.", at: persistent.valueLocation))
            }
        }
        if let (amount, ttl) = duration("entryTtl", unit: "entryTtlUnit", defaultUnit: .seconds), let parameter = definition.parameters["entryTtl"] {
            if amount <= 0 {
                problems.append(.error("Parameter 'entryTtl' of \(element) must be greater than zero, got \(amount).", at: parameter.valueLocation))
            }
            entryTTL = ttl
        }
        if let (amount, parameter) = number("maxEntries") {
            if amount < 0 {
                // Mule warns and keeps no limit.
                warn("Parameter 'maxEntries' of \(element) is negative (\(amount)): the store keeps no limit.", parameter.valueLocation)
            } else {
                maxEntries = amount
            }
        }
        if let (amount, interval) = duration("expirationInterval", unit: "expirationIntervalUnit", defaultUnit: .minutes),
           let parameter = definition.parameters["expirationInterval"] {
            expirationInterval = amount > 0 ? interval : nil
            if amount <= 0, entryTTL != nil || maxEntries != nil {
                warn("Parameter 'expirationInterval' of \(element) is \(amount): entries never expire, so 'entryTtl' and 'maxEntries' have no effect.",
                     parameter.valueLocation)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}

import FlowCore

/// The type names `as` and `is` accept.
enum TypeName: String, CaseIterable {
    case string = "String", number = "Number", boolean = "Boolean", object = "Object", array = "Array"
    case null = "Null", any = "Any"
    case date = "Date", dateTime = "DateTime", localDateTime = "LocalDateTime", localTime = "LocalTime", time = "Time"
    case timeZone = "TimeZone", period = "Period", function = "Function", regex = "Regex", key = "Key", nothing = "Nothing"
    case binary = "Binary"
    /// A lazily read array in DataWeave (`payload as Iterator` streams a large input); here the
    /// array itself.
    case iterator = "Iterator"
    /// `1 to 5`, an array here.
    case range = "Range"

    /// The date and time kind this type names, if it names one.
    var temporalKind: Temporal.Kind? {
        switch self {
        case .date: .date
        case .dateTime: .dateTime
        case .localDateTime: .localDateTime
        case .localTime: .localTime
        case .time: .time
        case .timeZone: .timeZone
        case .period: .period
        default: nil
        }
    }

    func matches(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _), (.string, .string), (.number, .int), (.number, .decimal), (.number, .double), (.boolean, .bool),
             (.object, .object), (.array, .array), (.null, .null), (.key, .string):
            return true
        case (_, .temporal(let temporal)):
            return temporalKind == temporal.kind
        case (.function, .opaque(let opaque)):
            return opaque.kind == .function
        case (.regex, .opaque(let opaque)):
            return opaque.kind == .regex
        case (.binary, .opaque(let opaque)):
            return opaque.kind == .binary
        case (.iterator, .array), (.range, .array):
            return true
        default:
            return false
        }
    }
}

/// The metadata keys attached to log records, dotted as swift-log recommends.
public enum LogMetadataKeys {
    /// The event's correlation id.
    public static let correlationId = "correlation.id"
    /// The flow that logged.
    public static let flowName = "flow.name"
    /// The processor path that logged (`flow/processors/0`).
    public static let processorPath = "processor.path"
    /// The error type, on error records.
    public static let errorType = "error.type"
}

/// The metadata keys attached to log records, dotted as swift-log recommends.
public enum LogMetadataKeys {
    /// The event's correlation id.
    public static let correlationId = "correlation.id"
    /// The W3C trace id of the flow run that logged (32 hex digits).
    public static let traceId = "trace.id"
    /// The span id of the flow run that logged (16 hex digits).
    public static let spanId = "span.id"
    /// The flow that logged.
    public static let flowName = "flow.name"
    /// The processor path that logged (`flow/processors/0`).
    public static let processorPath = "processor.path"
    /// The error type, on error records.
    public static let errorType = "error.type"
    /// The error's message, on error records (the block's `Message` line).
    public static let errorMessage = "error.message"
    /// The failing component, on error records (`main/processors/1 @ app:flows/main.xml:12`).
    public static let errorElement = "error.element"
    /// The flow stack, innermost first, on error records (an array).
    public static let errorFlowStack = "error.flowStack"
    /// Set to `true` on a message the runtime lays out on several lines itself (Mule's error
    /// block): a log handler keeps its line breaks, having escaped everything else.
    public static let multiline = "log.multiline"
}

/// The logger categories Mule uses, kept so that users' `logging.level.*` settings and log
/// filters carry over.
public enum LogCategories {
    /// The `logger` component's default category.
    public static let logger = "org.mule.runtime.core.internal.processor.LoggerMessageProcessor"
    /// Errors logged by `on-error-propagate` (and the implicit default handler).
    public static let onErrorPropagate = "org.mule.runtime.core.internal.exception.OnErrorPropagateHandler"
    /// Errors logged by `on-error-continue`.
    public static let onErrorContinue = "org.mule.runtime.core.internal.exception.OnErrorContinueHandler"
    /// `until-successful` retries.
    public static let untilSuccessful = "org.mule.runtime.core.internal.routing.UntilSuccessfulRouter"
    /// `remove-variable` warnings.
    public static let removeVariable = "org.mule.runtime.core.internal.processor.simple.RemoveFlowVariableProcessor"
    /// The scheduler source's messages (a tick skipped while the previous run is in flight).
    public static let scheduler = "org.mule.runtime.core.internal.source.scheduler.DefaultSchedulerMessageSource"
    /// DataWeave's `log` function.
    public static let dataWeave = "org.mule.weave.v2.model.service.DefaultLoggingService$"
    /// Flow lifecycle messages (`Flow X has not been started`).
    public static let flowLifecycle = "org.mule.runtime.core.internal.construct.FlowConstructLifecycleManager"
    /// The idempotent validator's store failures.
    public static let idempotentMessageValidator = "org.mule.runtime.core.internal.routing.IdempotentMessageValidator"
    /// The Cache scope's store failures.
    public static let cache = "com.mulesoft.mule.runtime.cache.internal.ObjectStoreCachingStrategy"
    /// The redelivery policy's messages.
    public static let redeliveryPolicy = "org.mule.runtime.core.privileged.processor.IdempotentRedeliveryPolicy"
}

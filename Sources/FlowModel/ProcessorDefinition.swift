import FlowCore

/// One step of a flow, as written, with its location and the path Mule prints for it.
public struct ProcessorDefinition: Sendable {
    /// Where the element starts.
    public let location: SourceLocation
    /// The processor path (`my-flow/processors/2`), used in error blocks and FlowStack lines.
    public let path: String
    /// The element as users write it (`logger`, `procore:create-project`).
    public let elementName: String
    /// What the processor does.
    public let kind: Kind

    public init(location: SourceLocation, path: String, elementName: String, kind: Kind) {
        self.location = location
        self.path = path
        self.elementName = elementName
        self.kind = kind
    }

    /// The processors Conduit knows, with their parameters.
    public indirect enum Kind: Sendable {
        case logger(message: ParameterValue?, level: LogLevel, category: String?)
        case setPayload(value: ParameterValue)
        case setVariable(name: String, value: ParameterValue)
        case removeVariable(name: String)
        case flowRef(name: String, target: String?, targetValue: ParameterValue?)
        /// A `flow-ref` whose `name` is an expression (`#[vars.handler]`), resolved per event.
        case dynamicFlowRef(name: ParameterValue, target: String?, targetValue: ParameterValue?)
        case choice(routes: [ChoiceRoute], otherwise: [ProcessorDefinition]?)
        case tryScope(processors: [ProcessorDefinition], errorHandler: ErrorHandlerDefinition?)
        case raiseError(type: ErrorTypeName, description: ParameterValue?)
        case untilSuccessful(maxRetries: ParameterValue?, millisBetweenRetries: ParameterValue?, processors: [ProcessorDefinition])
        case forEach(collection: ParameterValue?, counterVariableName: String, rootMessageVariableName: String, processors: [ProcessorDefinition])
        /// `<parse-template>`: the template (inline `content` or the file at `location`, compiled),
        /// rendered as the new payload (attributes become null), or into `vars.<target>`.
        case parseTemplate(template: ParameterValue, target: String?, targetValue: ParameterValue?)
        /// `<scatter-gather>`: the routes run concurrently on copies of the event (at most
        /// `maxConcurrency` at once, each within `timeoutMillis`); their messages are gathered.
        case scatterGather(timeoutMillis: Int?, maxConcurrency: Int?, collectList: Bool, routes: [[ProcessorDefinition]],
                           target: String?, targetValue: ParameterValue?)
        /// `<first-successful>`: the routes in order, each from the router's input, until one
        /// succeeds; when all fail, the last route's error.
        case firstSuccessful(routes: [[ProcessorDefinition]])
        /// `<round-robin>`: each event runs one route, in turn.
        case roundRobin(routes: [[ProcessorDefinition]])
        /// `<async>`: the processors run on a copy of the event, beside the flow, which goes on at
        /// once; at most `maxConcurrency` branches of this scope at a time (the rest wait).
        case async(maxConcurrency: Int?, processors: [ProcessorDefinition])
        /// `<idempotent-message-validator>`: lets a message through once per id.
        case idempotentMessageValidator(IdempotentValidatorDefinition)
        /// `<ee:transform>`: DataWeave scripts for the payload, the attributes and variables, each
        /// run on the incoming event.
        case transform(TransformDefinition)
        /// `<ee:cache>`: the processors' response is kept by the caching strategy `strategy` names
        /// (nil: Mule's default strategy) and given back for later events with the same key;
        /// events for which `filter` is false run the processors without the cache.
        case cache(strategy: ParameterValue?, filter: ParameterValue?, processors: [ProcessorDefinition])
        /// `<ee:invalidate-key>`: removes the entry for the event's key (`key`, else the strategy's own).
        case invalidateCacheKey(strategy: ParameterValue, key: ParameterValue?)
        /// `<ee:invalidate-cache>`: removes every entry of the strategy's store.
        case invalidateCache(strategy: ParameterValue)
        /// A connector operation; the connector interprets the component.
        case operation(ComponentDefinition)
    }
}

/// One `<when expression=…>` of a `choice`.
public struct ChoiceRoute: Sendable {
    public let location: SourceLocation
    public let condition: ParameterValue
    public let processors: [ProcessorDefinition]

    public init(location: SourceLocation, condition: ParameterValue, processors: [ProcessorDefinition]) {
        self.location = location
        self.condition = condition
        self.processors = processors
    }
}

/// The levels a `logger` accepts.
public enum LogLevel: String, Sendable, CaseIterable {
    case error = "ERROR", warn = "WARN", info = "INFO", debug = "DEBUG", trace = "TRACE"
}

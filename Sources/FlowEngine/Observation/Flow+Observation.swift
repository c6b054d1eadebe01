import FlowModel

extension Flow {
    /// A flow whose runs started by a source are reported to `observer`; with no observer, the
    /// plain flow.
    ///
    /// The observed flow's chain is one ``ObservedFlowBody`` holding the real chain and handler,
    /// and its own handler rethrows what that body's handler propagated.
    convenience init(definition: FlowDefinition, chain: ProcessorChain, errorHandler: ErrorHandler, observer: (any RuntimeObserver)?) {
        guard let observer else {
            self.init(definition: definition, chain: chain, errorHandler: errorHandler)
            return
        }
        let body = ObservedFlowBody(flowName: definition.name, chain: chain, errorHandler: errorHandler, observer: observer)
        self.init(definition: definition, chain: ProcessorChain(processors: [body]), errorHandler: .rethrowing, observedBody: body)
    }
}

extension ErrorHandler {
    /// No entries: a failure is rethrown as it arrived (its event's `error` set, as every
    /// handler's failure already has it), unlogged. For a body that handles its own errors.
    static let rethrowing = ErrorHandler(handlers: [])
}

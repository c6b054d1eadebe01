/// A built message source: what feeds one flow its events (an HTTP listener's route, a
/// scheduler's timer).
///
/// The engine starts a flow's source after every connector configuration has started, and only
/// when the flow's `initialState` is `started`; on shutdown it stops every source before it waits
/// for in-flight events, then shuts the configurations down. A source runs its events through
/// the ``SourceFlow`` it was built with.
public protocol FlowSource: Sendable {
    /// Starts feeding the flow events.
    func start() async throws

    /// Stops feeding new events. Events already running are not interrupted: the engine waits
    /// for them after every source has stopped.
    func stop() async

    /// What feeds the flow, as a status page shows it: `POST /projects` for a listener, `every
    /// 30 s` for a scheduler. From the app's definition only, never from a request.
    var summary: String { get }
}

extension FlowSource {
    /// `source`: the kind of source is not worth more.
    public var summary: String { "source" }
}

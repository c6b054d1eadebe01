/// The leadership of a node that runs alone: every scheduler runs here.
public struct LocalSchedulerLeadership: SchedulerLeadership {
    /// The leadership of a single node.
    public init() {}

    /// Always true.
    public func mayRun(flow: String, app: String) async -> Bool { true }

    /// Nothing to give up.
    public func release(flow: String, app: String) async {}
}

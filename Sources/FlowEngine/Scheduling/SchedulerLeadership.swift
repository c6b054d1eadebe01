/// Which node runs a flow's `<scheduler>`: in Mule's cluster the scheduler "only runs in the
/// primary polling node", so a scheduled job runs once per tick across the cluster rather than
/// once per node.
///
/// The scheduler asks before every run, so a node that loses its claim (its connection to the
/// cluster's database dropped) stops at its next tick, and a node whose claim is free takes over
/// at its next one. ``LocalSchedulerLeadership``, the default, runs every scheduler here; a
/// cluster registers its own under ``SchedulerLeadershipKey``.
public protocol SchedulerLeadership: Sendable {
    /// Whether this node is to run the run of `flow` (of app `app`) that is due now: true while
    /// this node holds the flow's leadership, which it claims when no node holds it.
    func mayRun(flow: String, app: String) async -> Bool

    /// Gives up the leadership of `flow` if this node holds it (its scheduler stopped and its
    /// last run ended), so that another node takes over at its next tick.
    func release(flow: String, app: String) async
}

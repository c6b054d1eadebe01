/// The ``ServiceRegistry`` key of the app's ``SchedulerLeadership``: set it in
/// `RuntimeOptions.services` when the app runs as one node of a cluster; unset, every scheduler
/// runs on this node (``LocalSchedulerLeadership``).
public enum SchedulerLeadershipKey: ServiceKey {
    /// The leadership.
    public typealias Value = any SchedulerLeadership
}

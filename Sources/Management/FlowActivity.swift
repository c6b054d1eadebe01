import FlowCore
import FlowEngine
import Foundation
import Synchronization

/// What the status page shows of the flows at work: runs and errors per flow since start, the
/// durations of the last five minutes in 10-second slots, and the recent errors.
///
/// Bounded whatever the traffic: one ring of ``slotCount`` histograms per flow (flow names come
/// from the app), and ``RecentErrors/capacity`` errors.
public final class FlowActivity: RuntimeObserver {
    /// The length of one slot of the latency chart.
    public static let slotLength: Duration = .seconds(10)
    /// How many slots the chart shows: five minutes.
    public static let slotCount = 30

    struct Slot: Sendable {
        var index: Int64 = -1
        var histogram = LatencyHistogram()
    }

    struct FlowRecord: Sendable {
        var runs = 0
        var errors = 0
        var slots = [Slot](repeating: Slot(), count: FlowActivity.slotCount)
    }

    /// One flow's figures at one moment.
    struct FlowSnapshot: Sendable {
        var runs: Int
        var errors: Int
        /// p50 and p99 in seconds per slot, oldest first; nil for a slot without runs.
        var percentiles: [(p50: Double, p99: Double)?]
        /// Over the whole window.
        var windowP50: Double?
        var windowP99: Double?
    }

    private let started = ContinuousClock.now
    private let flows = Mutex<[String: FlowRecord]>([:])
    private let errors = Mutex(RecentErrors())

    /// An empty record.
    public init() {}

    public func flowFinished(_ report: FlowRunReport) {
        let slot = slotIndex(ContinuousClock.now)
        let seconds = Double(report.duration.saturatingNanoseconds) / 1e9
        let failed = report.outcome.errorType != nil
        // Mutated in place through the dictionary: copying the record out would copy its slots
        // and histograms on every run.
        flows.withLock { flows in Self.count(&flows[report.flowName, default: FlowRecord()], slot: slot, seconds: seconds, failed: failed) }
        if let type = report.outcome.errorType {
            errors.withLock { $0.add(errorType: type.description, flow: report.flowName, time: Date(), correlationId: report.correlationId) }
        }
    }

    private static func count(_ record: inout FlowRecord, slot: Int64, seconds: Double, failed: Bool) {
        record.runs += 1
        if failed { record.errors += 1 }
        let position = Int(slot % Int64(slotCount))
        if record.slots[position].index != slot { record.slots[position] = Slot(index: slot) }
        record.slots[position].histogram.record(seconds: seconds)
    }

    /// The recent errors, newest first.
    var recentErrors: [RecentErrors.Entry] { errors.withLock { $0.entries } }

    /// Every flow that has run, with its figures now.
    func snapshot() -> [String: FlowSnapshot] {
        let current = slotIndex(ContinuousClock.now)
        let records = flows.withLock { $0 }
        return records.mapValues { record in
            var percentiles: [(p50: Double, p99: Double)?] = []
            var window = LatencyHistogram()
            for index in (current - Int64(Self.slotCount) + 1)...current {
                let slot = record.slots[Int(((index % Int64(Self.slotCount)) + Int64(Self.slotCount)) % Int64(Self.slotCount))]
                guard slot.index == index, let p50 = slot.histogram.quantile(0.5), let p99 = slot.histogram.quantile(0.99) else {
                    percentiles.append(nil)
                    continue
                }
                window.add(slot.histogram)
                percentiles.append((p50, p99))
            }
            return FlowSnapshot(runs: record.runs, errors: record.errors, percentiles: percentiles,
                                windowP50: window.quantile(0.5), windowP99: window.quantile(0.99))
        }
    }

    private func slotIndex(_ instant: ContinuousClock.Instant) -> Int64 {
        (instant - started).saturatingNanoseconds / Self.slotLength.saturatingNanoseconds
    }
}

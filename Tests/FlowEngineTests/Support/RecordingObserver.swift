import FlowEngine
import Foundation

/// A ``RuntimeObserver`` that keeps everything it is told, in order: one line per call (without
/// durations, so tests can pin them exactly) and the reports themselves.
final class RecordingObserver: RuntimeObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var recordedLines: [String] = []
    private var recordedFlows: [FlowRunReport] = []
    private var recordedOperations: [OperationReport] = []

    func flowStarted(flowName: String, correlationId: String) {
        record("started \(flowName) \(correlationId)")
    }

    func flowFinished(_ report: FlowRunReport) {
        record("finished \(report.flowName) \(report.correlationId) \(report.outcome)") { $0.recordedFlows.append(report) }
    }

    func operationFinished(_ report: OperationReport) {
        let line = "operation \(report.connector):\(report.operation) at \(report.element.path) in \(report.flowName) "
            + "\(report.correlationId) \(report.outcome)"
        record(line) { $0.recordedOperations.append(report) }
    }

    /// The calls, in order.
    var lines: [String] { lock.withLock { recordedLines } }
    /// The flow reports, in order.
    var flows: [FlowRunReport] { lock.withLock { recordedFlows } }
    /// The operation reports, in order.
    var operations: [OperationReport] { lock.withLock { recordedOperations } }

    private func record(_ line: String, _ keep: (RecordingObserver) -> Void = { _ in }) {
        lock.withLock {
            recordedLines.append(line)
            keep(self)
        }
    }
}

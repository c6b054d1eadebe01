import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// A bounded load on the cluster: `workers` loops renaming one project through the balancer
/// (`PATCH /projects/{id}`, which needs a Procore token each time) until `duration` has passed
/// or `maximumRequests` were sent, over one keep-alive client.
struct ClusterLoad {
    /// What the load saw.
    struct Result: Sendable, CustomStringConvertible {
        var statuses: [Int: Int] = [:]
        /// The first few failures: a status with its body, or a transport error.
        var failures: [String] = []
        var transportErrors = 0

        var total: Int { statuses.values.reduce(0, +) + transportErrors }
        var successes: Int { statuses.filter { (200..<300).contains($0.key) }.values.reduce(0, +) }
        var description: String { "\(total) requests, statuses \(statuses.sorted { $0.key < $1.key }), \(transportErrors) transport errors, first failures: \(failures)" }
    }

    /// Ends a load early (when the scenario around it is done).
    final class Stop: Sendable {
        private let stopped = Atomic<Bool>(false)
        init() {}
        func callAsFunction() { stopped.store(true, ordering: .relaxed) }
        var isSet: Bool { stopped.load(ordering: .relaxed) }
    }

    let url: String
    let projectId: Int64
    var workers = 8
    var maximumRequests = 200_000
    var stop = Stop()

    /// Runs the load for `duration`, or until ``stop`` is called.
    func run(for duration: Duration) async throws -> Result {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let result = Tally()
        let deadline = ContinuousClock.now + duration
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    while ContinuousClock.now < deadline, !stop.isSet, result.take() <= maximumRequests {
                        var request = HTTPClientRequest(url: "\(url)/projects/\(projectId)")
                        request.method = .PATCH
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(ByteBuffer(string: #"{"company_id":"\#(ConduitCluster.companyId)","name":"Load \#(worker)"}"#))
                        do {
                            let response = try await client.execute(request, timeout: .seconds(30))
                            let body = try await response.body.collect(upTo: 1 << 20)
                            let status = Int(response.status.code)
                            result.withLock { result in
                                result.statuses[status, default: 0] += 1
                                if !(200..<300).contains(status), result.failures.count < 10 {
                                    result.failures.append("\(status) \(String(buffer: body))")
                                }
                            }
                        } catch {
                            result.withLock { result in
                                result.transportErrors += 1
                                if result.failures.count < 10 { result.failures.append("\(error)") }
                            }
                        }
                    }
                }
            }
        }
        try await client.shutdown()
        return result.withLock { $0 }
    }

    /// The load's counts, shared by its workers.
    final class Tally: Sendable {
        private let state = Mutex(Result())
        private let sent = Atomic<Int>(0)

        /// Counts one more request; its number.
        func take() -> Int { sent.add(1, ordering: .relaxed).newValue }

        func withLock<Value: Sendable>(_ body: (inout Result) -> Value) -> Value {
            state.withLock { body(&$0) }
        }
    }
}

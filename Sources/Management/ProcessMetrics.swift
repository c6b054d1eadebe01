import Foundation
import Prometheus

/// The process collector Prometheus clients export under these names: resident memory, CPU
/// seconds, open file descriptors, start time. Read from `/proc/self` when scraped.
final class ProcessMetrics: Sendable {
    private let residentMemory: Gauge
    private let cpuSeconds: Gauge
    private let openFileDescriptors: Gauge
    private let startTime: Gauge

    init(registry: PrometheusCollectorRegistry) {
        residentMemory = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "process", metricName: "resident_memory", unitName: "bytes", helpText: "Resident memory size in bytes."))
        cpuSeconds = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "process", metricName: "cpu", unitName: "seconds_total", helpText: "Total user and system CPU time spent in seconds."))
        openFileDescriptors = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "process", metricName: "open_fds", unitName: "", helpText: "Number of open file descriptors."))
        startTime = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "process", metricName: "start_time", unitName: "seconds",
            helpText: "Start time of the process since unix epoch in seconds."))
        startTime.set(Date().timeIntervalSince1970)
    }

    /// Reads the current figures into the gauges.
    func update() {
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = Double(fields[1]) { residentMemory.set(pages * pageSize) }
        }
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
           let afterName = stat.range(of: ") ", options: .backwards) {
            // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
            let fields = stat[afterName.upperBound...].split(separator: " ")
            if fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) {
                cpuSeconds.set((user + system) / ticks)
            }
        }
        if let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            openFileDescriptors.set(Double(descriptors.count))
        }
    }
}

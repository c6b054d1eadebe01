import FloorSupport
import Foundation
import NIOCore

// AsyncHTTPClient alone (issue 17's "AHC against the stub"): `--concurrency` tasks each sending
// the captured upstream request one after another through one pooled client, for a warm-up and
// then `--seconds` measured. Prints, in bench/run's format, one line
//   BENCH requests=N seconds=S non2xx=N socket=N p50=µs p99=µs max=µs
// and one line `CPU microseconds=T rss_kib=K` (this process's user+system time over the measured
// seconds, and its peak RSS), so the client side's CPU per request is that of the client alone.
let usage = """
    usage: ahc-loop --upstream URL --token T --upstream-body FILE [--upstream-headers FILE]
                    [--client async|delegate] [--pool N] [--concurrency C] [--seconds S] [--warmup S]
    """
let arguments = Arguments(known: ["upstream", "token", "upstream-body", "upstream-headers", "client", "pool",
                                  "concurrency", "seconds", "warmup"], usage: usage)
let upstream = Upstream(url: arguments.required("upstream") + "/rest/v1.0/projects", token: arguments.required("token"),
                        fixedHeaders: WireFiles.headers(arguments.string("upstream-headers")),
                        api: Upstream.API(rawValue: arguments.choice("client", ["async", "delegate"]))!,
                        pool: arguments.int("pool", default: 64))
let body = WireFiles.bytes(arguments.required("upstream-body"))
let concurrency = arguments.int("concurrency", default: 16)
let seconds = arguments.int("seconds", default: 10)
let warmup = arguments.int("warmup", default: 2)

/// What one task saw: latencies in microseconds, answers that were not 2xx, failed calls.
struct Tally: Sendable {
    var latencies: [Int] = []
    var non2xx = 0
    var failures = 0
}

func run(for duration: Duration) async -> Tally {
    let clock = ContinuousClock()
    let deadline = clock.now + duration
    return await withTaskGroup(of: Tally.self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var tally = Tally()
                tally.latencies.reserveCapacity(1 << 16)
                while clock.now < deadline {
                    let started = clock.now
                    do {
                        let answer = try await upstream.post(body)
                        if !(200..<300).contains(answer.status) { tally.non2xx += 1 }
                    } catch {
                        tally.failures += 1
                    }
                    let elapsed = clock.now - started
                    tally.latencies.append(Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000))
                }
                return tally
            }
        }
        var total = Tally()
        for await tally in group {
            total.latencies += tally.latencies
            total.non2xx += tally.non2xx
            total.failures += tally.failures
        }
        return total
    }
}

func cpuMicroseconds() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return (Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec)) * 1_000_000
        + Int(usage.ru_utime.tv_usec) + Int(usage.ru_stime.tv_usec)
}

_ = await run(for: .seconds(warmup))
let cpuBefore = cpuMicroseconds()
let started = ContinuousClock.now
let tally = await run(for: .seconds(seconds))
let elapsed = ContinuousClock.now - started
let cpu = cpuMicroseconds() - cpuBefore
await upstream.shutdown()

let sorted = tally.latencies.sorted()
func percentile(_ p: Double) -> Int { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p / 100))] }
var peak = rusage()
getrusage(RUSAGE_SELF.rawValue, &peak)
let measured = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
FileOutput.standardOutput(String(format: "BENCH requests=%d seconds=%.6f non2xx=%d socket=%d p50=%d p99=%d max=%d\n",
                                 sorted.count, measured, tally.non2xx, tally.failures, percentile(50), percentile(99), sorted.last ?? 0))
FileOutput.standardOutput("CPU microseconds=\(cpu) rss_kib=\(peak.ru_maxrss)\n")

import FlowCore
import FlowEngine
import Foundation

/// The management port's `GET /`: one self-contained HTML page a person opens in a browser —
/// the app, its flows (source, runs, errors, p50/p99 over the last five minutes as inline SVG),
/// its connector configurations with their authorization, the node's readiness, and the recent
/// errors. No script, no external asset; it reloads itself every ``refreshSeconds``.
///
/// Everything shown comes from the app's definition and the runtime's counts; the only request
/// data on it is a recent error's correlation id, HTML-escaped like every other text.
struct StatusPage {
    static let refreshSeconds = 5

    /// One flow's row.
    struct FlowRow {
        let name: String
        /// What feeds it (``FlowEngine/FlowSource/summary``); nil for a flow only `flow-ref` reaches.
        let source: String?
        let activity: FlowActivity.FlowSnapshot?
    }

    /// One connector configuration's row.
    struct ConfigurationRow {
        let name: String
        let health: ConfigurationHealth
        let authorization: AuthorizationStatus?
    }

    let appName: String
    let readinessProblems: [String]
    let flows: [FlowRow]
    let configurations: [ConfigurationRow]
    let errors: [RecentErrors.Entry]
    let now: Date
    let uptime: Duration

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="\(Self.refreshSeconds)">
        <title>\(escape(appName)) · Conduit</title><style>\(PageStyle.css)</style></head>
        <body><main>
        <header><h1>\(escape(appName))</h1>\(readiness)<span class="muted">Conduit · up \(Self.duration(uptime))</span></header>
        \(flowSection)
        \(configurationSection)
        \(errorSection)
        <footer>Generated \(Self.timestamp(now)); refreshes every \(Self.refreshSeconds) s. Metrics: <a href="/metrics">/metrics</a> · <a href="/readyz">/readyz</a></footer>
        </main></body>
        </html>

        """
    }

    private func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    private var readiness: String {
        if readinessProblems.isEmpty { return #"<span class="badge ok" id="readiness">Ready</span>"# }
        return #"<span class="badge bad" id="readiness">Not ready: "# + escape(readinessProblems.joined(separator: "; ")) + "</span>"
    }

    private var flowSection: String {
        let rows = flows.map { flow in
            let activity = flow.activity
            return "<tr><td><strong>\(escape(flow.name))</strong></td>"
                + "<td>\(flow.source.map { "<code>\(escape($0))</code>" } ?? #"<span class="muted">flow-ref only</span>"#)</td>"
                + "<td class=\"num\">\(activity?.runs ?? 0)</td><td class=\"num\">\(activity?.errors ?? 0)</td>"
                + "<td class=\"num\">\(activity?.windowP50.map(Self.seconds) ?? "–")</td>"
                + "<td class=\"num\">\(activity?.windowP99.map(Self.seconds) ?? "–")</td>"
                + "<td>\(LatencyChart(flow: flow.name, percentiles: activity?.percentiles ?? []).svg)</td></tr>"
        }.joined(separator: "\n")
        return """
            <section id="flows"><h2>Flows</h2><table>
            <thead><tr><th>Flow</th><th>Source</th><th>Runs</th><th>Errors</th><th>p50</th><th>p99</th><th>Last 5 min: <span class="legend-p50">p50</span> <span class="legend-p99">p99</span></th></tr></thead>
            <tbody>
            \(rows)
            </tbody></table></section>
            """
    }

    private var configurationSection: String {
        guard !configurations.isEmpty else { return "" }
        let rows = configurations.map { configuration in
            "<tr><td><strong>\(escape(configuration.name))</strong></td><td>\(health(configuration.health))</td>"
                + "<td>\(configuration.authorization.map(authorization) ?? #"<span class="muted">–</span>"#)</td></tr>"
        }.joined(separator: "\n")
        return """
            <section id="connections"><h2>Connector configurations</h2><table>
            <thead><tr><th>Configuration</th><th>Health</th><th>Authorization</th></tr></thead>
            <tbody>
            \(rows)
            </tbody></table></section>
            """
    }

    private func health(_ health: ConfigurationHealth) -> String {
        switch health {
        case .up: #"<span class="badge ok">up</span>"#
        case .degraded(let reason): #"<span class="badge warn">degraded</span> "# + escape(reason)
        case .down(let reason): #"<span class="badge bad">down</span> "# + escape(reason)
        }
    }

    private func authorization(_ state: AuthorizationStatus) -> String {
        switch state {
        case .authorized(let expiresAt?):
            let left = expiresAt.timeIntervalSince(now)
            if left <= 0 {
                return #"<span class="badge warn">authorized</span> token expired \#(Self.duration(seconds: -left)) ago; refreshed on the next call"#
            }
            return #"<span class="badge ok">authorized</span> token expires in \#(Self.duration(seconds: left))"#
        case .authorized(nil):
            return #"<span class="badge ok">authorized</span> token without a known expiry"#
        case .needsAuthorization(let url):
            return #"<span class="badge warn">needs authorization</span> <a href="\#(escape(url))">authorize</a>"#
        case .noTokenYet:
            return #"<span class="badge ok">ready</span> a token is obtained on the first call"#
        }
    }

    private var errorSection: String {
        guard !errors.isEmpty else {
            return #"<section id="errors"><h2>Recent errors</h2><p class="muted">None since start.</p></section>"#
        }
        let rows = errors.map { error in
            "<tr><td>\(Self.timestamp(error.time))</td><td>\(escape(error.flow))</td><td><code>\(escape(error.errorType))</code></td>"
                + "<td><code>\(escape(error.correlationId))</code></td></tr>"
        }.joined(separator: "\n")
        return """
            <section id="errors"><h2>Recent errors</h2><table>
            <thead><tr><th>Time (UTC)</th><th>Flow</th><th>Error type</th><th>Correlation id</th></tr></thead>
            <tbody>
            \(rows)
            </tbody></table></section>
            """
    }

    /// `2026-12-02 09:41:07`, in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A latency as people read it: `0.4 ms`, `12 ms`, `1.3 s`.
    static func seconds(_ value: Double) -> String {
        if value < 0.001 { return String(format: "%.1f ms", value * 1000) }
        if value < 1 { return "\(Int((value * 1000).rounded())) ms" }
        return String(format: "%.1f s", value)
    }

    /// `1 h 29 min`, `4 min 10 s`, `12 s`.
    static func duration(seconds: Double) -> String {
        let total = Int(max(0, min(seconds, 1e9)).rounded(.down))
        let hours = total / 3600
        let minutes = total % 3600 / 60
        if hours > 0 { return "\(hours) h \(minutes) min" }
        if minutes > 0 { return "\(minutes) min \(total % 60) s" }
        return "\(total) s"
    }

    static func duration(_ duration: Duration) -> String {
        Self.duration(seconds: Double(duration.components.seconds))
    }
}

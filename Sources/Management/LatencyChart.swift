import FlowCore
import Foundation

/// A small inline SVG of one flow's p50 and p99 per slot of ``FlowActivity``, oldest on the
/// left; a slot without runs leaves a gap. Linear from 0 to the highest p99 shown, which is
/// written in the corner.
struct LatencyChart {
    static let width = 240
    static let height = 48

    let flow: String
    let percentiles: [(p50: Double, p99: Double)?]

    var svg: String {
        let label = "p50 and p99 of \(HTMLEscaping.escape(flow)) over the last 5 minutes"
        guard let top = percentiles.compactMap({ $0?.p99 }).max(), top > 0 else {
            return #"<svg class="chart" width="\#(Self.width)" height="\#(Self.height)" role="img" aria-label="\#(label): no runs"><text x="4" y="28" font-size="11" fill="currentColor" opacity=".5">no runs in the last 5 minutes</text></svg>"#
        }
        let p50 = paths(top: top) { $0.p50 }
        let p99 = paths(top: top) { $0.p99 }
        return #"<svg class="chart" width="\#(Self.width)" height="\#(Self.height)" viewBox="0 0 \#(Self.width) \#(Self.height)" role="img" aria-label="\#(label)">"#
            + #"<line x1="0" y1="\#(Self.height - 1)" x2="\#(Self.width)" y2="\#(Self.height - 1)" stroke="currentColor" stroke-opacity=".2"/>"#
            + #"<path d="\#(p99)" fill="none" style="stroke:var(--p99)" stroke-width="1.5"/>"#
            + #"<path d="\#(p50)" fill="none" style="stroke:var(--p50)" stroke-width="1.5"/>"#
            + #"<text x="\#(Self.width - 2)" y="10" font-size="10" text-anchor="end" fill="currentColor" opacity=".6">\#(StatusPage.seconds(top))</text>"#
            + "</svg>"
    }

    /// Path data for one percentile: a move at the start of every run of slots with data, a
    /// line to each next slot; a lone slot is a short dash so it shows.
    private func paths(top: Double, _ value: ((p50: Double, p99: Double)) -> Double) -> String {
        let step = Double(Self.width) / Double(max(percentiles.count - 1, 1))
        let usable = Double(Self.height - 12)
        var data = ""
        var drawing = false
        for (index, entry) in percentiles.enumerated() {
            guard let entry else {
                drawing = false
                continue
            }
            let x = Double(index) * step
            let y = Double(Self.height - 1) - value(entry) / top * usable
            let point = "\(Self.format(x)) \(Self.format(y))"
            if drawing {
                data += " L\(point)"
            } else {
                let nextHasData = index + 1 < percentiles.count && percentiles[index + 1] != nil
                data += " M\(point)" + (nextHasData ? "" : " h2")
                drawing = true
            }
        }
        return String(data.dropFirst())
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

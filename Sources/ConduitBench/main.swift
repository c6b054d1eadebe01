import Foundation
import FlowCore
import FlowExpression

// Expression and JSON throughput for BENCHMARKS.md ("Expressions and JSON"). Each case runs for
// about one second; figures are single-threaded.

// As `conduit` runs: large transforms reuse freed memory instead of faulting it in again.
HeapRetention.apply(environment: ProcessInfo.processInfo.environment)
CountedRun.runIfRequested()

let location = SourceLocation(file: "bench.xml", line: 1, column: 1)
var sink = 0

func report(_ name: String, _ rate: Double, unit: String) {
    print(name.padding(toLength: 48, withPad: " ", startingAt: 0) + grouped(rate).leftPadded(to: 14) + " " + unit)
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}

do {
    let sample = try JSON.decode(SampleRequest.createProject)
    let context = EvaluationContext(payload: sample, vars: ValueObject([("region", "west")]),
                                    correlationId: "c-1", flowName: "create-project", appName: "bench")
    let nestedContext = EvaluationContext(payload: ["project": ["address": ["location": ["geo": ["latitude": .decimal(Decimal(string: "37.5")!)]]]]])

    func evaluations(_ name: String, _ value: AttributeValue, in context: EvaluationContext) throws {
        let rate = try Measurement.rate {
            if case .null = try value.evaluate(context) {} else { sink &+= 1 }
        }
        report(name, rate, unit: "evaluations/s")
    }

    print("Expressions (compiled once, evaluated per event)")
    try evaluations("payload.company_id",
                    .parse("#[payload.company_id]", mode: .connectorParameter, at: location), in: context)
    try evaluations("payload.project.address.location.geo.latitude",
                    .parse("#[payload.project.address.location.geo.latitude]", mode: .connectorParameter, at: location),
                    in: nestedContext)
    try evaluations("template (3 expressions in text)",
                    .parse("Created #[payload.name] (#[payload.code]) for company #[payload.company_id]",
                           mode: .template, at: location), in: context)
    let fields = (sample.objectValue?.keys ?? []).filter { $0 != "company_id" }
    let mapping = "#[{company_id: payload.company_id, project: {"
        + fields.map { "\($0): payload.\($0)" }.joined(separator: ", ") + "}}]"
    try evaluations("create-project mapping (\(fields.count + 1) fields)",
                    .parse(mapping, mode: .connectorParameter, at: location), in: context)
    // The same mapping as an ee:transform script: header, `---`, body, compiled once.
    let script = "%dw 2.0\noutput application/json\n---\n{company_id: payload.company_id, project: {"
        + fields.map { "\($0): payload.\($0)" }.joined(separator: ",\n  ") + "}}"
    try evaluations("  same mapping as an ee:transform script",
                    .expression(try ExpressionCompiler.compileScript(script, at: .verbatim(script.unicodeScalars, from: location))),
                    in: context)
    let header = "%dw 2.0\nimport * from dw::core::Strings\noutput application/json\nfun label(p) = capitalize(p.name) ++ \" (\" ++ p.code ++ \")\"\n---\n"
    let functions = header + "{ label: label(payload), tags: [payload.city, payload.state_code] map upper($), active: payload.active default false }"
    try evaluations("script with fun, import, map and default",
                    .expression(try ExpressionCompiler.compileScript(functions, at: .verbatim(functions.unicodeScalars, from: location))),
                    in: context)

    // About 1 MB of Procore-like JSON: the manual's sample with varied ids and numbers.
    var projects: [Value] = []
    var bytes: [UInt8] = []
    var serial: Int64 = 0
    while bytes.count < 1_000_000 {
        for _ in 0..<100 {
            serial += 1
            guard var object = sample.objectValue else { break }
            object["id"] = .int(562_949_953_437_078 + serial)
            object["latitude"] = .decimal(Decimal(string: "37.7749")! + Decimal(serial) / 1000)
            object["square_feet"] = .int(1000 + serial)
            projects.append(.object(object))
        }
        bytes = JSON.encodeBytes(.array(projects))
    }
    let document = Value.array(projects)
    let data = Data(bytes)
    let megabytes = Double(bytes.count) / 1_000_000

    // 10,000 flat rows (the shape a CSV reader gives: every value a string) mapped with `map`.
    let rows = Value.array((0..<10_000).map { index in
        .object(ValueObject([("id", .string(String(index))), ("name", .string("Project \(index)")), ("city", "San Francisco"),
                             ("state", "CA"), ("budget", .string(String(index * 1000)))]))
    })
    let rowBytes = Double(JSON.encodeBytes(rows).count) / 1_000_000
    let rowScript = "%dw 2.0\noutput application/json\n---\npayload map { id: $.id as Number, name: upper($.name), place: $.city ++ \", \" ++ $.state, budget: $.budget as Number }"
    let rowMapping = try ExpressionCompiler.compileScript(rowScript, at: .verbatim(rowScript.unicodeScalars, from: location))
    let rowContext = EvaluationContext(payload: rows)
    let rowRate = try Measurement.rate(batch: 1) {
        if case .array(let items) = try rowMapping.evaluate(rowContext) { sink &+= items.count }
    }
    print("")
    report("map over 10,000 rows (\(Int(rowBytes * 1000)) kB as JSON)", rowRate * rowBytes, unit: "MB/s")

    print("")
    print("JSON, \(bytes.count) bytes (\(projects.count) project objects)")
    let decodeRate = try Measurement.rate(batch: 1) {
        if case .array(let items) = try JSON.decode(bytes) { sink &+= items.count }
    }
    report("Conduit JSON.decode", decodeRate * megabytes, unit: "MB/s")
    let foundationDecodeRate = try Measurement.rate(batch: 1) {
        if let items = try JSONSerialization.jsonObject(with: data) as? [Any] { sink &+= items.count }
    }
    report("Foundation JSONSerialization.jsonObject", foundationDecodeRate * megabytes, unit: "MB/s")
    let encodeRate = Measurement.rate(batch: 1) {
        sink &+= JSON.encodeBytes(document).count
    }
    report("Conduit JSON.encodeBytes", encodeRate * megabytes, unit: "MB/s")
    let foundationObject = try JSONSerialization.jsonObject(with: data)
    let foundationEncodeRate = try Measurement.rate(batch: 1) {
        sink &+= try JSONSerialization.data(withJSONObject: foundationObject).count
    }
    report("Foundation JSONSerialization.data", foundationEncodeRate * megabytes, unit: "MB/s")
    try FormatsBenchmark.run()
    print("")
    print("(checksum \(sink))")
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}

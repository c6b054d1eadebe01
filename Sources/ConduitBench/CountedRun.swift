import FlowCore
import FlowExpression
import Foundation

/// `conduit-bench --count N CASE`: evaluates one expression case exactly N times and exits, for
/// instruction counts under valgrind (`bench/expressions` measures time instead). Cases:
/// `company_id`, `path`, `template`, `mapping`, and for builds that have scripts, `script` and
/// `csv-map` (10,000 CSV rows read, mapped and written as JSON).
enum CountedRun {
    static func runIfRequested() {
        let arguments = CommandLine.arguments
        guard let flag = arguments.firstIndex(of: "--count"), flag + 2 < arguments.count,
              let count = Int(arguments[flag + 1]) else { return }
        let name = arguments[flag + 2]
        if name == "csv-map" {
            do {
                let csv = FormatsBenchmark.sampleCSV(), mapping = try FormatsBenchmark.csvMapping()
                var written = 0
                for _ in 0..<count { written &+= try FormatsBenchmark.mapCSV(csv, with: mapping) }
                print("csv-map: \(written) bytes written")
            } catch {
                print("conduit-bench: \(error)")
            }
            exit(0)
        }
        let location = SourceLocation(file: "bench.xml", line: 1, column: 1)
        do {
            let sample = try JSON.decode(SampleRequest.createProject)
            let fields = (sample.objectValue?.keys ?? []).filter { $0 != "company_id" }
            var context = EvaluationContext(payload: sample, vars: ValueObject([("region", "west")]),
                                            correlationId: "c-1", flowName: "create-project", appName: "bench")
            let value: AttributeValue
            switch name {
            case "company_id": value = try .parse("#[payload.company_id]", mode: .connectorParameter, at: location)
            case "path":
                context = EvaluationContext(payload: ["project": ["address": ["location": ["geo": ["latitude": 37]]]]])
                value = try .parse("#[payload.project.address.location.geo.latitude]", mode: .connectorParameter, at: location)
            case "template":
                value = try .parse("Created #[payload.name] (#[payload.code]) for company #[payload.company_id]", mode: .template, at: location)
            case "mapping":
                value = try .parse("#[{company_id: payload.company_id, project: {" + fields.map { "\($0): payload.\($0)" }.joined(separator: ", ") + "}}]",
                                   mode: .connectorParameter, at: location)
            default:
                value = try .parse("#[%dw 2.0\noutput application/json\n---\n{company_id: payload.company_id, project: {"
                                   + fields.map { "\($0): payload.\($0)" }.joined(separator: ",\n  ") + "}}]",
                                   mode: .connectorParameter, at: location)
            }
            var evaluated = 0
            for _ in 0..<count {
                if case .null = try value.evaluate(context) {} else { evaluated &+= 1 }
            }
            print("\(name): \(evaluated) evaluations")
        } catch {
            print("conduit-bench: \(error)")
        }
        exit(0)
    }
}

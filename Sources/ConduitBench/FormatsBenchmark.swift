import FlowCore
import FlowExpression
import FlowFormats
import Foundation

/// Data-format throughput for BENCHMARKS.md ("Data formats"): a CSV export of 10,000 rows read
/// and written as JSON, the "CSV mapped to JSON" path without the mapping itself.
///
/// Rates are per second of this thread's CPU time, not of wall time: on the shared build machine
/// other processes take most of the wall clock, and CPU time is what a quiet machine would spend.
enum FormatsBenchmark {
    /// Calls `body` for about one second of CPU time (after a warm-up call); returns calls per
    /// CPU-second.
    static func cpuRate(_ body: () throws -> Void) rethrows -> Double {
        func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        try body()
        let start = cpuSeconds()
        var calls = 0
        repeat {
            try body()
            calls += 1
        } while cpuSeconds() - start < 1
        return Double(calls) / (cpuSeconds() - start)
    }

    /// 10,000 rows of ten columns, about 1 MB: plain fields, quoted ones with separators and
    /// escaped quotes, numbers and dates as text.
    static func sampleCSV(rows: Int = 10_000) -> [UInt8] {
        var text = "id,name,code,city,state,zip,start_date,value,status,notes\n"
        let cities = ["Sacramento", "San Francisco", "Austin", "New York", "Carpinteria"]
        for row in 0..<rows {
            let city = cities[row % cities.count]
            let notes = row % 4 == 0 ? "\"Phase \(row % 7), north wing, \\\"fast track\\\"\"" : "Standard build"
            text += "\(562_949_953_437_078 + row),Tower \(row),P\(1000 + row),\(city),CA,\(95_800 + row % 100),"
            text += "2026-\(1 + row % 12)-\(1 + row % 28),\(row * 137 % 100_000).\(row % 100),Course of Construction,\(notes)\n"
        }
        return Array(text.utf8)
    }

    @MainActor static func run() throws {
        let csvBytes = sampleCSV()
        let megabytes = Double(csvBytes.count) / 1_000_000
        let csv = CSVFormat(), json = JSONFormat()
        let compact = FormatProperties(["indent": false])
        let rows = try csv.read(csvBytes)
        let jsonBytes = try json.write(rows, properties: compact)

        print("")
        print("Data formats: CSV of 10,000 rows, \(csvBytes.count) bytes (\(jsonBytes.count) bytes as JSON), per CPU-second")
        let readRate = try cpuRate {
            if case .array(let items) = try csv.read(csvBytes) { sink &+= items.count }
        }
        report("CSVFormat.read", readRate * megabytes, unit: "MB/s")
        let writeRate = try cpuRate {
            sink &+= try json.write(rows, properties: compact).count
        }
        report("JSONFormat.write (indent=false) of the rows", writeRate * megabytes, unit: "MB/s of CSV")
        let bothRate = try cpuRate {
            sink &+= try json.write(try csv.read(csvBytes), properties: compact).count
        }
        report("CSV read + JSON write", bothRate * megabytes, unit: "MB/s of CSV")
        let csvWriteRate = try cpuRate {
            sink &+= try csv.write(rows, properties: FormatProperties()).count
        }
        report("CSVFormat.write of the rows", csvWriteRate * megabytes, unit: "MB/s of CSV")
        let mapping = try csvMapping()
        let mappingRate = try cpuRate {
            sink &+= try mapCSV(csvBytes, with: mapping)
        }
        report("CSV read + `map` script + JSON write (issue 14's path)", mappingRate * megabytes, unit: "MB/s of CSV")
    }

    /// An ERP export's rows mapped to Procore-shaped objects, as an `ee:transform` script would.
    static let csvMappingScript = """
        %dw 2.0
        output application/json indent=false
        ---
        payload map {
          origin_id: $.id,
          name: $.name,
          project_number: $.code,
          city: $.city,
          state_code: $.state,
          zip: $.zip,
          start_date: $.start_date,
          total_value: $.value as Number,
          stage: $.status,
          description: $.notes
        }
        """

    static func csvMapping() throws -> FlowExpression.Expression {
        let location = SourceLocation(file: "bench.xml", line: 1, column: 1)
        return try ExpressionCompiler.compileScript(csvMappingScript, at: .verbatim(csvMappingScript.unicodeScalars, from: location))
    }

    /// The whole path of one transform: the CSV bytes as the payload, read by the script, mapped,
    /// and the result written as the script's output; the bytes written.
    static func mapCSV(_ csvBytes: [UInt8], with mapping: FlowExpression.Expression) throws -> Int {
        let payload = TypedValue(content: csvBytes, mediaType: MediaType(parsing: "application/csv")!)
        let result = try mapping.evaluateTyped(EvaluationContext(payload: payload))
        guard let written = try result.written() else { return 0 }
        return written.bytes.count
    }
}

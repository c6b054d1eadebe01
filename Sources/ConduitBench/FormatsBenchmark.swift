import FlowCore
import FlowFormats

/// Data-format throughput for BENCHMARKS.md ("Data formats"): a CSV export of 10,000 rows read
/// and written as JSON, the "CSV mapped to JSON" path without the mapping itself.
enum FormatsBenchmark {
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
        print("Data formats: CSV of 10,000 rows, \(csvBytes.count) bytes (\(jsonBytes.count) bytes as JSON)")
        let readRate = try Measurement.rate(batch: 1) {
            if case .array(let items) = try csv.read(csvBytes) { sink &+= items.count }
        }
        report("CSVFormat.read", readRate * megabytes, unit: "MB/s")
        let writeRate = try Measurement.rate(batch: 1) {
            sink &+= try json.write(rows, properties: compact).count
        }
        report("JSONFormat.write (indent=false) of the rows", writeRate * megabytes, unit: "MB/s of CSV")
        let bothRate = try Measurement.rate(batch: 1) {
            sink &+= try json.write(try csv.read(csvBytes), properties: compact).count
        }
        report("CSV read + JSON write", bothRate * megabytes, unit: "MB/s of CSV")
        let csvWriteRate = try Measurement.rate(batch: 1) {
            sink &+= try csv.write(rows, properties: FormatProperties()).count
        }
        report("CSVFormat.write of the rows", csvWriteRate * megabytes, unit: "MB/s of CSV")
    }
}

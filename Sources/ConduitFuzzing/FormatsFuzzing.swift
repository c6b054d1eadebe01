import FlowCore
import FlowFormats

/// The readers a request or response body goes through, chosen by the input's first byte: a
/// form body, CSV (with the header and separator the same byte picks) or XML. Whatever a reader
/// accepts is written back by the same format and, where that succeeds, read again: every step
/// may refuse with a ``FormatError``, none may crash or hang.
enum FormatsFuzzing {
    /// The separators a CSV input is read with.
    static let separators = [",", ";", "\t", "|"]

    static func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        guard let selector = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        let format: any DataFormat
        var properties = FormatProperties()
        switch selector % 3 {
        case 0:
            format = URLEncodedFormat()
        case 1:
            format = CSVFormat()
            properties = FormatProperties([
                "header": .bool(selector & 0x04 == 0),
                "separator": .string(separators[Int(selector >> 3) % separators.count]),
            ])
        default:
            format = XMLFormat()
            properties = FormatProperties(["nullValueOn": .string(selector & 0x04 == 0 ? "blank" : "empty")])
        }
        let value: Value
        do {
            value = try format.read(body, properties: properties)
        } catch {
            guard !error.message.isEmpty else { throw FuzzFinding("\(format.mediaType) refused input with an empty message") }
            if format is CSVFormat { try rowsAsRead(body, selector: selector, match: .failure(error)) }
            return
        }
        if format is CSVFormat { try rowsAsRead(body, selector: selector, match: .success(value)) }
        let written: [UInt8]
        do {
            written = try format.write(value, properties: properties)
        } catch {
            return
        }
        _ = try? format.read(written, properties: properties)
        // A flow that reads a body and answers JSON writes it with the JSON format.
        _ = try? JSONFormat().write(value, properties: FormatProperties())
    }

    /// CSV rows handed on one at a time (``TypedValue/forEachRow(_:)``, what `payload map`
    /// reads) must be the rows read at once, or fail with the same error: once with every row
    /// kept (each copied before the next is read) and once with none (each refilled in place).
    private static func rowsAsRead(_ body: [UInt8], selector: UInt8, match expected: Result<Value, FormatError>) throws(FuzzFinding) {
        let mediaType = MediaType("application/csv", parameters: [
            .init(name: "header", value: selector & 0x04 == 0 ? "true" : "false"),
            .init(name: "separator", value: separators[Int(selector >> 3) % separators.count]),
        ])
        for keeping in [true, false] {
            var rows: [Value] = []
            var written: [String] = []
            let outcome: Result<Value, FormatError>
            do {
                let streamed = try TypedValue(content: body, mediaType: mediaType).forEachRow { row, _ in
                    if keeping { rows.append(row) } else { written.append(JSON.encode(row)) }
                    return true
                }
                // Empty bytes are null as a payload, not rows: read as a value, not handed on.
                if body.isEmpty { return }
                guard streamed else { throw FuzzFinding("CSV bytes were not handed on row by row") }
                outcome = .success(.array(rows))
            } catch let error as FuzzFinding {
                throw error
            } catch let error as ContentReadError {
                outcome = .failure(error.failure)
            } catch {
                throw FuzzFinding("forEachRow threw \(error)")
            }
            switch (outcome, expected) {
            case (.failure(let mine), .failure(let theirs)) where mine == theirs: continue
            case (.success(let mine), .success(let theirs)):
                if keeping, mine == theirs { continue }
                if !keeping, written == (theirs.arrayValue ?? []).map({ JSON.encode($0) }) { continue }
            default: break
            }
            throw FuzzFinding("CSV rows handed on one at a time (keeping them: \(keeping)) differ from the rows read at once")
        }
    }
}

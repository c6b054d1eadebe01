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
            return
        }
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
}

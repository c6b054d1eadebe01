import FlowCore
import FlowFormats

/// JSON as a request body or an upstream answer is read: whatever decodes must encode to text
/// that decodes to the same value, and a refusal must say where.
enum JSONFuzzing {
    static func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        let value: Value
        do {
            value = try JSON.decode(bytes)
        } catch {
            guard error.line >= 1, error.column >= 1, !error.reason.isEmpty else {
                throw FuzzFinding("JSON syntax error without a position or reason: \(error)")
            }
            return
        }
        let text = JSON.encode(value)
        let again: Value
        do {
            again = try JSON.decode(text)
        } catch {
            throw FuzzFinding("encoded JSON does not decode (\(error)): \(text)")
        }
        // Compared as text: a decimal such as 1e2 comes back as the integer 100, which encodes the same.
        guard JSON.encode(again) == text else {
            throw FuzzFinding("JSON did not round-trip: \(text) became \(JSON.encode(again))")
        }
        // The format layer writes what a flow sends; it must take any decoded value.
        do {
            _ = try JSONFormat().write(value, properties: FormatProperties())
        } catch {
            throw FuzzFinding("JSONFormat could not write a decoded value (\(error)): \(text)")
        }
    }
}

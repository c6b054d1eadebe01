import FlowCore

/// `readUrl("classpath://data/codes.json", "application/json", {…})`: a file of the app's
/// classpath (in a Mule project `src/main/resources`) read like `read` reads text; with
/// `application/octet-stream` (or no MIME type and no known format) its bytes as a Binary.
/// Other URLs (`http://`, `file://`) are refused: a script does not reach outside the app. A
/// constant URL is read when the script is compiled (a missing file is then a load error).
final class ReadURLNode: Node {
    let arguments: [any Node]
    /// Nil where the script has no app around it (a `#[…]` attribute, a test).
    let resource: (@Sendable (String) -> [UInt8]?)?
    /// The file's bytes, read when the script was compiled, for a constant URL.
    let preloaded: [UInt8]?
    /// `read`, which parses the text.
    let read: BuiltinFunction
    let offset: Int

    static let classpath = "classpath://"

    init(arguments: [any Node], resource: (@Sendable (String) -> [UInt8]?)?, preloaded: [UInt8]?, read: BuiltinFunction, offset: Int) {
        self.arguments = arguments
        self.resource = resource
        self.preloaded = preloaded
        self.read = read
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var values = try arguments.evaluateAll(&frame)
        do throws(EvaluationFailure) {
            guard case .string(let url) = values[0] else { throw EvaluationFailure.call("readUrl", values[0]) }
            guard url.hasPrefix(Self.classpath) else {
                throw EvaluationFailure("readUrl reads only the app's classpath ('classpath://path'), not '\(url)'")
            }
            let path = String(url.dropFirst(Self.classpath.count))
            guard let bytes = preloaded ?? resource?(path) else {
                throw EvaluationFailure("readUrl found no resource '\(path)' on the app's classpath")
            }
            if values.count == 1 { values.append(.string("application/dw")) }
            if case .string(let mediaType) = values[1], OutputDirective.mediaType(for: mediaType) == "application/octet-stream" || mediaType == "binary" {
                return .binary(bytes)
            }
            values[0] = .string(String(decoding: bytes, as: UTF8.self))
            return try read.body(&frame, values)
        } catch {
            throw error.located(at: offset)
        }
    }
}

import FlowCore
import FlowFormats

/// A script's `output` directive: the MIME type its result is written as, and the writer's
/// properties (`output application/json indent=false`).
public struct OutputDirective: Sendable {
    /// The MIME type, lower-cased (`application/json`); short names (`json`) are expanded.
    public let mediaType: String
    /// The writer properties as written.
    public let properties: FormatProperties

    /// Whether the result is kept as a value rather than written as text: JSON (declared JSON,
    /// written when the value leaves the app), Java and DataWeave's own format.
    public var keepsValue: Bool {
        mediaType == "application/json" || mediaType == "application/java" || mediaType == "application/dw"
    }

    /// The media types that are the value itself rather than a format's text.
    static let valueTypes: Set<String> = ["application/java", "application/dw"]

    /// DataWeave's short names for MIME types (`output json`).
    static let shortNames: [String: String] = [
        "json": "application/json", "java": "application/java", "dw": "application/dw", "xml": "application/xml",
        "csv": "application/csv", "text": "text/plain", "plain": "text/plain", "urlencoded": "application/x-www-form-urlencoded",
    ]

    /// The full MIME type for what a script wrote after `output`.
    static func mediaType(for written: String) -> String {
        let lowered = written.lowercased()
        return shortNames[lowered] ?? DataFormats.essence(of: lowered)
    }

    /// Writes `value` as the directive says: the value for JSON, Java and DataWeave, else the
    /// format's text. JSON with writer properties that change what is written (`skipNullOn`)
    /// goes through the writer and back, so the value is what the JSON text would say.
    func render(_ value: Value) throws(EvaluationFailure) -> Value {
        guard let format = DataFormats.format(for: mediaType) else {
            if keepsValue { return value }
            throw EvaluationFailure("Unknown output media type '\(mediaType)'")
        }
        do throws(FormatError) {
            if keepsValue {
                guard properties.values.keys.contains(where: { !Self.presentationProperties.contains($0) }) else { return value }
                return try format.read(try format.write(value, properties: properties))
            }
            return .string(try format.writeText(value, properties: properties))
        } catch {
            throw EvaluationFailure(error.description)
        }
    }

    /// `value` as the payload this directive makes of it: the value itself for Java and
    /// DataWeave's format; for JSON the value declared `application/json` with the writer
    /// properties as parameters (written when it leaves the app, `skipNullOn` applied now so
    /// that later reads see what the text says); for the text formats the written bytes in the
    /// media type, with `charset` from an `encoding` property and the properties the format's
    /// reader needs to read the text back (`application/csv; separator=;`), read again only if
    /// something reads the payload.
    func label(_ value: Value) throws(EvaluationFailure) -> TypedValue {
        if Self.valueTypes.contains(mediaType) { return TypedValue(value) }
        guard let format = DataFormats.format(for: mediaType) else {
            // Checked at load time for scripts; a value type Conduit has no writer for.
            return TypedValue(try render(value))
        }
        let rendered = keepsValue ? try render(value) : value
        do throws(FormatError) {
            if keepsValue {
                var parameters = properties.values.keys.sorted().compactMap { name -> MediaType.Parameter? in
                    Self.parameterText(properties.values[name]!).map { MediaType.Parameter(name: name, value: $0) }
                }
                // The writer reads `encoding`; the bytes' `Content-Type` says `charset`.
                if case .string(let encoding)? = properties["encoding"] { parameters.append(MediaType.Parameter(name: "charset", value: encoding)) }
                return TypedValue(rendered, mediaType: MediaType(mediaType, parameters: parameters))
            }
            // The properties the reader needs to read the text back travel with it.
            var parameters = properties.values.keys.sorted().compactMap { name -> MediaType.Parameter? in
                guard format.textShapingPropertyNames.contains(name) else { return nil }
                return Self.parameterText(properties.values[name]!).map { MediaType.Parameter(name: name, value: $0) }
            }
            if case .string(let encoding)? = properties["encoding"] { parameters.append(MediaType.Parameter(name: "charset", value: encoding)) }
            return TypedValue(content: try format.write(value, properties: properties), mediaType: MediaType(mediaType, parameters: parameters))
        } catch {
            throw EvaluationFailure(error.description)
        }
    }

    /// A writer property as a media type parameter's text.
    private static func parameterText(_ value: Value) -> String? {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .decimal(let number): "\(number)"
        default: nil
        }
    }

    /// Writer properties that change how the text looks, not what it says.
    static let presentationProperties: Set<String> = ["indent", "encoding"]
}

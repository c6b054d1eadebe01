import ConnectorSupport
import FlowCore
import FlowFormats
import NIOCore

/// A request body as the flow's payload (mule-semantics §2.3): the bytes as received, typed by
/// the `Content-Type`, read through ``FlowFormats/DataFormats`` when the flow first reads the
/// payload. Bytes that do not read (malformed JSON) fail there, as `MULE:EXPRESSION` inside
/// the flow, so the app's error handler answers; a flow that never reads the payload never
/// parses it and sends it on unchanged.
enum RequestPayload {
    /// The payload for `body` sent with `contentType`.
    ///
    /// - An empty body is null.
    /// - A body without a (valid) `Content-Type` is `*/*`, read as text.
    /// - A form body (`application/x-www-form-urlencoded`) reads as an object like
    ///   `queryParams` only when the listener has `decodeFormBody="true"`; elsewhere it reads as
    ///   text, so a cross-site HTML form can never pass for structured input (README, Security).
    ///   Either way it keeps its type, so it is sent on as a form.
    /// - Any other type is read by its format when Conduit has one, else as text.
    static func make(_ body: ByteBuffer, contentType: String?, decodeFormBody: Bool) -> TypedValue {
        guard body.readableBytes > 0 else { return TypedValue(.null) }
        guard let contentType, let mediaType = MediaType(parsing: contentType) else {
            return TypedValue(content: body, mediaType: .any)
        }
        guard mediaType.essence == MediaType.form.essence else { return TypedValue(content: body, mediaType: mediaType) }
        // Read here rather than by a form format: which reading applies is the listener's choice.
        let value: Value = decodeFormBody ? .object(QueryParameters.parse(String(buffer: body))) : .string(String(buffer: body))
        return TypedValue(content: body, mediaType: mediaType, value: value)
    }
}

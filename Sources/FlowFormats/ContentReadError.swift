/// A payload's bytes are not valid in its media type: malformed JSON in a request body, for
/// instance. Raised when something first reads the value (Mule raises it as `MULE:EXPRESSION`
/// from the expression that reads the payload), not when the bytes arrive.
public struct ContentReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The media type the bytes were read as.
    public let mediaType: MediaType
    /// What the format's reader found wrong, and where.
    public let failure: FormatError

    /// Creates an error.
    public init(mediaType: MediaType, failure: FormatError) {
        self.mediaType = mediaType
        self.failure = failure
    }

    /// `The payload is not valid application/json: unexpected '}' at line 1, column 9`.
    public var description: String {
        "The payload is not valid \(mediaType.essence): \(failure)"
    }
}

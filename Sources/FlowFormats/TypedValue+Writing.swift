import FlowCore

extension TypedValue {
    /// The bytes to send for this value and the media type they are in: the original bytes when
    /// the value came as bytes (unchanged since), else the value written by its declared
    /// media type's format with the type's parameters as writer properties (the media type
    /// returned keeps only `charset` of them). Nil for a value
    /// with no declared format, which each component writes by its own rule.
    ///
    /// Throws when the declared format cannot hold the value (`Cannot write an Array as
    /// text/plain`) or Conduit has no format for the type and the value is not text.
    public func written() throws(FormatError) -> (bytes: any ContentBytes, mediaType: MediaType)? {
        if let content { return (content, sentMediaType) }
        let mediaType = mediaType
        guard !mediaType.isUnspecified else { return nil }
        let value = lenientValue
        guard let format = DataFormats.format(for: mediaType) else {
            if case .string(let text) = value { return (Array(text.utf8), mediaType) }
            if value.isNull { return ([], mediaType) }
            throw FormatError("Cannot write a value of type \(value.typeName) as \(mediaType.essence): Conduit has no writer for it")
        }
        // The writer properties configure the writer; only `charset` describes the bytes.
        return (try format.write(value, properties: .writer(of: mediaType, for: format)), mediaType.withoutFormatProperties)
    }

    /// The media type to send the bytes with: without the parameters that only told Conduit's
    /// reader how a script wrote them (`application/csv; separator=";"` goes out as
    /// `application/csv`, as `indent=false` stays out of a JSON `Content-Type`); `charset` and
    /// other parameters (`boundary`) stay.
    public var sentMediaType: MediaType {
        let mediaType = mediaType
        guard !mediaType.parameters.isEmpty, let format = DataFormats.format(for: mediaType) else { return mediaType }
        let shaping = Set(format.textShapingPropertyNames.map(MediaType.lowercased))
        guard !shaping.isEmpty else { return mediaType }
        return mediaType.without { shaping.contains(MediaType.lowercased($0.name)) }
    }
}

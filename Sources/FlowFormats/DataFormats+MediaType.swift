extension DataFormats {
    /// The format for `mediaType` (any `…/…+json` is JSON), or nil when Conduit has none.
    public static func format(for mediaType: MediaType) -> (any DataFormat)? {
        // JSON is what nearly every body is: answered without a lookup.
        if mediaType.isJSON { return JSONFormat() }
        return format(for: mediaType.essence)
    }
}

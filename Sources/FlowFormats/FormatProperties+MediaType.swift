import FlowCore

extension FormatProperties {
    /// The parameters of `mediaType` that `format` reads as reader properties
    /// (`application/csv; header=false`), names matched case-insensitively; `charset` is none.
    public static func reader(of mediaType: MediaType, for format: any DataFormat) -> FormatProperties {
        matching(mediaType, names: format.readerPropertyNames)
    }

    /// The parameters of `mediaType` that `format` takes as writer properties
    /// (`application/json; indent=false`).
    public static func writer(of mediaType: MediaType, for format: any DataFormat) -> FormatProperties {
        matching(mediaType, names: format.writerPropertyNames)
    }

    private static func matching(_ mediaType: MediaType, names: Set<String>) -> FormatProperties {
        guard !mediaType.parameters.isEmpty else { return FormatProperties() }
        var values: [String: Value] = [:]
        for parameter in mediaType.parameters {
            let name = MediaType.lowercased(parameter.name)
            if let known = names.first(where: { MediaType.lowercased($0) == name }) {
                values[known] = .string(parameter.value)
            }
        }
        return FormatProperties(values)
    }
}

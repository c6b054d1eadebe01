import ArgumentParser

/// How `conduit run` writes its log: Mule's console layout, or one JSON object per line.
enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text
    case json

    /// The property that sets it when `--log-format` is not given.
    static let propertyKey = "conduit.log.format"
}

import Foundation

extension AppDefinition {
    /// A file path written in the app's configuration: unchanged when absolute, else taken from
    /// the app ``directory``, never from the process's working directory.
    public func filePath(_ path: String) -> String {
        Self.filePath(path, in: directory)
    }

    /// `path` unchanged when absolute, else taken from `directory` and normalised
    /// (`state/../tokens.json` in `/srv/app` is `/srv/app/tokens.json`).
    public static func filePath(_ path: String, in directory: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
            .standardizedFileURL.path
    }
}

import Foundation

/// How the File connector turns a written path into the file it reads.
enum FilePaths {
    /// `path` when absolute, else taken from `directory`; `.` and `..` resolved.
    static func resolve(_ path: String, against directory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    /// The media type Mule gives a file by its extension when no `outputMimeType` is written.
    static func mediaType(of path: String) -> MediaTypeGuess {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": .known("application/csv")
        case "json": .known("application/json")
        case "xml": .known("application/xml")
        case "txt", "text", "log": .known("text/plain")
        case "yaml", "yml": .known("application/yaml")
        case "dwl": .known("application/dw")
        default: .unknown
        }
    }

    /// A media type guessed from an extension.
    enum MediaTypeGuess {
        case known(String)
        case unknown
    }
}

import FlowCore
import Foundation

extension PropertiesFile {
    /// The file name endings Conduit reads, and the syntax each one means.
    ///
    /// Mule itself accepts `.properties` and `.yaml`; `.yml` is read too because users write it.
    static let parserByExtension: [(ending: String, parse: @Sendable (String, String) -> (file: PropertiesFile, diagnostics: [Diagnostic]))] = [
        (".properties", { parseProperties(text: $0, displayName: $1) }),
        (".yaml", { parseYAML(text: $0, displayName: $1) }),
        (".yml", { parseYAML(text: $0, displayName: $1) }),
    ]

    /// The largest properties file read (10 MiB).
    static let maximumSize = 10 * 1024 * 1024

    /// Reads a configuration-properties file, choosing the syntax by its extension.
    ///
    /// Never throws: every problem (wrong extension, missing file, unreadable or non-UTF-8 file,
    /// and all the syntax problems inside it) comes back as a diagnostic so the caller can report
    /// them together with the rest of the app's. The file is nil when it could not be read at all.
    ///
    /// - Parameters:
    ///   - path: where to read the file (already resolved against the app directory).
    ///   - displayName: how to name the file to the user, in messages and in entry locations.
    ///   - reference: where the file was named (the `file=` attribute); problems with the file
    ///     as a whole are reported there. Defaults to the file itself.
    public static func load(path: String, displayName: String, referencedAt reference: SourceLocation? = nil) -> (file: PropertiesFile?, diagnostics: [Diagnostic]) {
        let site = reference ?? SourceLocation(file: displayName, line: 1, column: 1)
        guard let parser = parserByExtension.first(where: { path.hasSuffix($0.ending) })?.parse else {
            return (nil, [.error("Configuration properties file \(displayName) must end with yaml or properties extension", at: site)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return (nil, [.error("Couldn't find configuration properties file \(displayName) neither on classpath or in file system", at: site)])
        }
        guard !isDirectory.boolValue else {
            return (nil, [.error("Couldn't read from file \(displayName): it is a directory", at: site)])
        }
        // A device (`/dev/zero` behind a symlink) or a huge file would be read without end.
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            return (nil, [.error("Couldn't read from file \(displayName): it is not a regular file", at: site)])
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maximumSize {
            return (nil, [.error("Couldn't read from file \(displayName): it is larger than \(maximumSize / 1024 / 1024) MiB", at: site)])
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return (nil, [.error("Couldn't read from file \(displayName): \(error.localizedDescription)", at: site)])
        }
        let text = String(decoding: data, as: UTF8.self)
        // Decoding repairs bad bytes with U+FFFD, which would change the bytes: detect that.
        guard text.utf8.elementsEqual(data) else {
            return (nil, [.error("Couldn't read from file \(displayName): it is not valid UTF-8 text", at: site)])
        }
        let parsed = parser(text, displayName)
        return (parsed.file, parsed.diagnostics)
    }
}

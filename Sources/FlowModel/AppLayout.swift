import Foundation

/// How an app directory is laid out, and where the relative file names its configuration uses
/// are looked up.
///
/// Two layouts are recognized without a flag: a Mule project as Anypoint Studio leaves it (it has
/// `src/main/mule/`), whose configs are `src/main/mule/**/*.xml` and whose classpath root is
/// `src/main/resources/` (with `src/main/mule/`, where packaging puts the configs too); and
/// Conduit's own (`flows/*.xml`, `properties/<env>.*`), where file names are taken from the app
/// directory.
public struct AppLayout: Sendable, Hashable {
    /// The two layouts.
    public enum Kind: Sendable, Hashable {
        /// `flows/` and `properties/`.
        case conduit
        /// `src/main/mule/`, `src/main/resources/`, usually `mule-artifact.json` and `pom.xml`.
        case muleProject
    }

    /// Which layout the directory has.
    public let kind: Kind
    /// The app directory, absolute and normalised.
    public let directory: String

    /// The layout of `directory`.
    public init(directory: String) {
        let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        self.directory = url.path
        var isDirectory: ObjCBool = false
        let mule = url.appendingPathComponent("src/main/mule").path
        kind = FileManager.default.fileExists(atPath: mule, isDirectory: &isDirectory) && isDirectory.boolValue ? .muleProject : .conduit
    }

    /// The folders relative file names are looked up in, first match wins, relative to the app
    /// directory (`""` is the app directory itself): the classpath, then the app directory, in a
    /// Mule project; the app directory in Conduit's layout.
    public var resourceFolders: [String] {
        switch kind {
        case .conduit: [""]
        case .muleProject: ["src/main/resources", "src/main/mule", ""]
        }
    }

    /// The absolute path of the existing file `name` refers to: `name` itself when absolute,
    /// else the first of ``resourceFolders`` holding it; nil when there is none.
    public func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.fileExists(atPath: name) ? name : nil }
        for folder in resourceFolders {
            let path = absolute(folder.isEmpty ? name : "\(folder)/\(name)")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Where ``locate(_:)`` looks for `name`, as users would name those places, for messages
    /// about a file that is not there: `src/main/resources/x, src/main/mule/x, x`.
    public func placesLooked(for name: String) -> String {
        if name.hasPrefix("/") { return name }
        return resourceFolders.map { $0.isEmpty ? name : "\($0)/\(name)" }.joined(separator: ", ")
    }

    /// `relative` (to the app directory) as an absolute, normalised path.
    public func absolute(_ relative: String) -> String {
        AppDefinition.filePath(relative, in: directory)
    }

    /// `path` relative to the app directory when it is inside it, for display.
    public func displayName(_ path: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

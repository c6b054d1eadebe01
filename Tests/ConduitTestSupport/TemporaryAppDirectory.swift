import Foundation

/// A throwaway app directory holding the given files, for tests that load apps from disk.
public struct TemporaryAppDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Writes `files` (paths relative to the app directory) into a new temporary directory.
    public init(_ files: [String: String], prefix: String = "conduit-app") throws {
        path = TestScratch.path(prefix)
        for (relative, content) in files {
            let full = (path as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }
}

import Foundation

/// Where tests put their throwaway files: one directory per test process, removed when the
/// process exits, so thousands of test runs leave nothing behind in the system's temporary
/// directory.
public enum TestScratch {
    /// The process's scratch root, created on first use and removed at exit.
    public static let root: String = {
        let path = NSTemporaryDirectory() + "conduit-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
        return path
    }()

    /// A new, unique path under the scratch root (not created), named `<prefix>-<uuid>`.
    public static func path(_ prefix: String) -> String {
        root + "/\(prefix)-\(UUID().uuidString)"
    }
}

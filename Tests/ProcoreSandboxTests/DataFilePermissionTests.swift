#if os(Linux)
import Foundation
import Glibc
import ProcoreSandbox
import Testing

/// The data file holds live tokens: it must never exist with wider permissions, even for the
/// moment between creating it and restricting it.
@Suite struct DataFilePermissionTests {
    /// The names of files in `directory` whose permissions or owner changed after they were
    /// created (inotify's IN_ATTRIB) while `body` ran: a file created with its final mode has none.
    static func attributeChanges(in directory: String, during body: () async throws -> Void) async throws -> [String] {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK))
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(inotify_add_watch(descriptor, directory, UInt32(IN_ATTRIB)) >= 0)
        try await body()
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let length = Int(buffer[offset + 12]) | Int(buffer[offset + 13]) << 8 | Int(buffer[offset + 14]) << 16 | Int(buffer[offset + 15]) << 24
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                // Events on the watched directory itself carry no name.
                if !nameBytes.isEmpty { names.append(String(decoding: nameBytes, as: UTF8.self)) }
                offset += 16 + length
            }
        }
        return names
    }

    @Test("the data file and its temporary file are created owner-only, never widened then narrowed")
    func createdPrivate() async throws {
        let directory = PersistenceTests.temporaryPath("private")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state.json"
        let changed = try await Self.attributeChanges(in: directory) {
            try await SandboxHarness.with(SandboxConfiguration(dataFile: path)) { sandbox in
                _ = try await sandbox.accessToken()
            }
        }
        #expect(changed == [])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
#endif

import Foundation
import NIOCore

/// The upstream request `bench/run` captured from Conduit: its body and its fixed headers.
public enum WireFiles {
    /// The file's bytes; exits with a message naming the file when it cannot be read.
    public static func bytes(_ path: String) -> ByteBuffer {
        guard let data = FileManager.default.contents(atPath: path) else { Arguments.fail("cannot read '\(path)'") }
        return ByteBuffer(bytes: data)
    }

    /// A JSON object of header names to values (`wire-headers.json`), in the file's order of
    /// names sorted, as JSONSerialization keeps no order.
    public static func headers(_ path: String?) -> [(String, String)] {
        guard let path else { return [("Content-Type", "application/json")] }
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { Arguments.fail("'\(path)' is not a JSON object of header names to text values") }
        return object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

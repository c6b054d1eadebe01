import FlowCore
import Foundation

/// A read file's metadata as Mule's `LocalFileAttributes` has it: `fileName`, `path`, `size`,
/// `lastModifiedTime`, `lastAccessTime`, `creationTime` (LocalDateTimes, in UTC), `directory`,
/// `regularFile`, `symbolicLink`.
enum FileAttributes {
    static func of(_ path: String, size: Int) -> Value {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        func time(_ key: FileAttributeKey) -> Value {
            guard let date = attributes[key] as? Date else { return .null }
            let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let nanoseconds = Int32((date.timeIntervalSince1970 - Double(seconds)) * 1_000_000_000)
            return .temporal(Temporal(kind: .localDateTime, day: Int32(days), second: Int32(seconds - days * 86_400),
                                      nanosecond: max(0, min(999_999_999, nanoseconds))))
        }
        let type = attributes[.type] as? FileAttributeType
        return .object(ValueObject([
            ("fileName", .string(URL(fileURLWithPath: path).lastPathComponent)),
            ("path", .string(path)),
            ("size", .int(Int64(size))),
            ("lastModifiedTime", time(.modificationDate)),
            ("lastAccessTime", .null),
            ("creationTime", time(.creationDate)),
            ("directory", .bool(false)),
            ("regularFile", .bool(type == nil || type == .typeRegular)),
            ("symbolicLink", .bool(type == .typeSymbolicLink)),
        ]))
    }
}

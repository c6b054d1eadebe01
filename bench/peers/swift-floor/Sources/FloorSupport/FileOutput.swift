import Foundation

/// Unbuffered writes to the standard streams: a line is in the file the moment it is written, so a
/// script waiting for `ready` sees it even when stdout is a file.
public enum FileOutput {
    public static func standardOutput(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    public static func standardError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

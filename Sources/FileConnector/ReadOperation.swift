import FlowCore
import FlowEngine
import FlowFormats
import FlowModel
import Foundation

/// `file:read`: the file's bytes as the payload, read as `outputMimeType` (else the type its
/// extension names, else bytes) when something reads the value, and its metadata as the
/// attributes (``FileAttributes``). A path that does not exist or is a directory is
/// `FILE:ILLEGAL_PATH`; a file that cannot be read is `FILE:ACCESS_DENIED`.
struct ReadOperation: ConnectorOperation {
    let workingDirectory: String
    let path: ParameterValue
    let mediaType: MediaType?

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let written = try input.evaluate(path)
        guard let text = written.stringValue, !text.isEmpty else {
            throw ConnectorError(type: Self.illegalPath, message: "The path to read must be text, got \(written.typeName.lowercased()) '\(ValueText.render(written))'.")
        }
        let file = FilePaths.resolve(text, against: workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw ConnectorError(type: Self.illegalPath, message: "Path '\(file)' doesn't exist")
        }
        guard !isDirectory.boolValue else {
            throw ConnectorError(type: Self.illegalPath, message: "Cannot read path '\(file)' since it's a directory")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConnectorError(type: ErrorTypeName(namespace: "FILE", identifier: "ACCESS_DENIED"),
                                 message: "Could not read the file '\(file)': access denied")
        }
        let type = mediaType ?? Self.guessedMediaType(file)
        return Message(payload: TypedValue(content: [UInt8](data), mediaType: type),
                       attributes: FileAttributes.of(file, size: data.count))
    }

    private static func guessedMediaType(_ file: String) -> MediaType {
        switch FilePaths.mediaType(of: file) {
        case .known(let essence): MediaType(essence)
        case .unknown: .octetStream
        }
    }

    private static let illegalPath = ErrorTypeName(namespace: "FILE", identifier: "ILLEGAL_PATH")
}

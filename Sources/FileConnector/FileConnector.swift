import FlowCore
import FlowEngine
import FlowFormats
import FlowModel
import Foundation

/// Mule's File connector, the part an integration reading a drop folder needs: `file:config`
/// with `file:connection workingDir`, and `file:read`.
///
/// A relative `workingDir` is taken from the app directory (Mule takes it from the runtime's
/// current directory); without a `config-ref`, relative paths are read from the app directory
/// too (Mule uses `user.home`, which would make a project's behaviour depend on who runs it).
public struct FileConnector: Connector {
    /// Creates the connector.
    public init() {}

    /// The `file` vocabulary.
    public var declaration: ConnectorDeclaration { FileDeclaration.connector }

    /// Builds a `file:config`; a working directory that does not exist is an error where it is
    /// written, as Mule's connection test fails the deployment.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        let name = definition.parameters["name"]?.text ?? ""
        let connection = definition.child("connection")
        guard let written = connection?.parameters["workingDir"] else {
            return FileConfiguration(name: name, workingDirectory: context.appDirectory)
        }
        let directory = FilePaths.resolve(written.text, against: context.appDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList([.error("Provided workingDir '\(directory)' of <file:config name=\"\(name)\"> does not exist or is not a directory.",
                                         at: written.valueLocation)])
        }
        return FileConfiguration(name: name, workingDirectory: directory)
    }

    /// Operations need the app directory; see ``makeOperation(_:configuration:context:)``.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        throw DiagnosticList([.error("<\(definition.qualifiedName)> needs the app directory to be built.", at: definition.location)])
    }

    /// Builds `file:read`.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?,
                              context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorOperation {
        guard definition.name == "read", let path = definition.parameters["path"] else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation of the File connector.", at: definition.location)])
        }
        let workingDirectory = (configuration as? FileConfiguration)?.workingDirectory ?? context.appDirectory
        var mediaType: MediaType?
        if let written = definition.parameters["outputMimeType"] {
            guard let parsed = MediaType(parsing: written.text) else {
                throw DiagnosticList([.error("outputMimeType '\(written.text)' is not a MIME type (expected type/subtype, for example application/csv).",
                                             at: written.valueLocation)])
            }
            mediaType = parsed
        }
        if let encoding = definition.parameters["outputEncoding"] {
            mediaType = (mediaType ?? .octetStream).withCharset(encoding.text)
        }
        return ReadOperation(workingDirectory: workingDirectory, path: path, mediaType: mediaType)
    }
}

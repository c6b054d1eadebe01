import FlowModel
import Foundation
import Logging
import ProcoreSandbox
import FlowProperties

/// Starts the bundled Procore sandbox in-process when the app's properties ask for it
/// (`conduit.sandbox.enabled=true`, as `properties/dev.properties` does), so that a newcomer's
/// first run works offline.
///
/// Properties: `conduit.sandbox.host` (default 127.0.0.1), `conduit.sandbox.port` (default 8082),
/// `conduit.sandbox.autoApprove` (default true), `conduit.sandbox.data` (a file that keeps the
/// sandbox's state across restarts, relative to the app directory; default none), `conduit.sandbox.redirectUri` (a redirect URI
/// the sandbox's OAuth apps accept besides the seed's, so that an app on another port than 8081
/// can authorize; `dev.properties` sets it to the app's external callback URL).
enum BundledSandbox {
    /// The started sandbox, or nil when the app does not ask for one.
    static func startIfRequested(_ app: AppDefinition) async throws -> SandboxServer? {
        let properties = app.properties
        guard properties.value(forKey: "conduit.sandbox.enabled") == "true" else { return nil }
        var configuration = SandboxConfiguration()
        configuration.host = properties.value(forKey: "conduit.sandbox.host") ?? "127.0.0.1"
        if let portText = properties.value(forKey: "conduit.sandbox.port") {
            guard let port = Int(portText), (0...65535).contains(port) else {
                throw SandboxStartError("conduit.sandbox.port must be a port number, got '\(portText)'")
            }
            configuration.port = port
        } else {
            configuration.port = 8082
        }
        configuration.autoApprove = properties.value(forKey: "conduit.sandbox.autoApprove") != "false"
        // An empty value (`-D conduit.sandbox.data=`) turns persistence off; a relative one is
        // taken from the app directory, like the connector's token store.
        configuration.dataFile = properties.value(forKey: "conduit.sandbox.data").flatMap { $0.isEmpty ? nil : app.filePath($0) }
        if let redirectURI = properties.value(forKey: "conduit.sandbox.redirectUri"), !redirectURI.isEmpty {
            configuration.additionalRedirectURIs = [redirectURI]
        }
        let sandbox = SandboxServer(configuration: configuration, logger: Logger(label: "conduit.sandbox"))
        do {
            _ = try await sandbox.start()
        } catch {
            throw SandboxStartError("could not start the bundled Procore sandbox on \(configuration.host):\(configuration.port): \(error)")
        }
        return sandbox
    }
}

/// The bundled sandbox could not start (a bad setting or a busy port).
struct SandboxStartError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import ArgumentParser
import Foundation
import Logging
import ProcoreSandbox

/// `conduit sandbox`: runs the Procore-compatible sandbox server until SIGINT or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Runs a local Procore-compatible API server (OAuth 2.0 and the Projects API).",
        discussion: """
            One address serves both the login side (/oauth/...) and the API side (/rest/...), so point both \
            the OAuth and the API base URL of a Procore client at the printed URL. The built-in seed has the \
            company 562949953437078 and the OAuth app conduit-dev-client / conduit-dev-secret with the \
            redirect URI http://localhost:8081/mule/callback.
            """)

    @Option(name: .long, help: "The interface to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8082

    @Option(name: .long, help: ArgumentHelp("Keep projects and tokens in this JSON file across restarts.", valueName: "file"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Start from this seed file instead of the built-in one.", valueName: "file"))
    var seed: String?

    @Option(name: .customLong("redirect-uri"), help: ArgumentHelp("A redirect URI every OAuth app accepts besides the seed's (repeatable).", valueName: "uri"))
    var redirectURIs: [String] = []

    @Flag(name: .long, help: "Approve OAuth authorization requests without showing the consent page.")
    var autoApprove = false

    @Option(name: .long, help: ArgumentHelp("Requests allowed per hour (Procore's limit is 3600).", valueName: "count"))
    var hourlyLimit: Int = 3600

    @Option(name: .long, help: ArgumentHelp("Requests allowed per 10 seconds (Procore's spike limit is 25).", valueName: "count"))
    var burstLimit: Int = 25

    @Option(name: .customLong("token-lifetime"), help: ArgumentHelp("Seconds an access token lives (Procore's are 5400); short ones make refreshes frequent in tests.", valueName: "seconds"))
    var tokenLifetime: Int = 5400

    func validate() throws {
        guard (1...31_536_000).contains(tokenLifetime) else {
            throw ValidationError("--token-lifetime must be from 1 to 31536000 seconds, got \(tokenLifetime)")
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        guard hourlyLimit >= 1 else { throw ValidationError("--hourly-limit must be 1 or more, got \(hourlyLimit)") }
        guard burstLimit >= 1 else { throw ValidationError("--burst-limit must be 1 or more, got \(burstLimit)") }
    }

    func run() async throws {
        var logger = Logger(label: "conduit.sandbox")
        logger.logLevel = .info
        let sandboxSeed: SandboxSeed
        do {
            sandboxSeed = try seed.map { try SandboxSeed(contentsOfFile: $0) } ?? .builtIn
        } catch {
            Self.fail("\(error)")
        }
        let server = SandboxServer(
            configuration: SandboxConfiguration(
                host: host, port: port, autoApprove: autoApprove, accessTokenLifetime: .seconds(tokenLifetime),
                hourlyLimit: RateLimitWindow(limit: hourlyLimit, length: .seconds(3600)),
                spikeLimit: RateLimitWindow(limit: burstLimit, length: .seconds(10)),
                dataFile: data, seed: sandboxSeed, additionalRedirectURIs: redirectURIs),
            logger: logger)
        do {
            try await server.run { url in
                // Written unbuffered: scripts wait for this line before calling the sandbox.
                let line = "Procore sandbox ready at \(url) (OAuth: \(url)/oauth/authorize, API: \(url)/rest/v1.0)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch let error as SandboxError {
            Self.fail(error.message)
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("conduit sandbox: \(message)\n".utf8))
        Foundation.exit(1)
    }
}

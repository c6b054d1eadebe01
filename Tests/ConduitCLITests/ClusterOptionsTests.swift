import ConduitTestSupport
import Foundation
import Testing

/// `conduit run` in cluster mode refuses to start, before binding anything, when it cannot keep
/// tokens safely in the store; the messages name the problem, never the password or the key.
@Suite struct ClusterOptionsTests {
    static let app = ["run", "--app", CLIRunner.repositoryRoot, "--env", "dev", "-D", "http.listener.port=0", "-D", "conduit.sandbox.enabled=false"]

    @Test func missingStoreKeyRefusesToStart() async throws {
        let environment = ConduitProcess.isolatedEnvironment.merging(["CONDUIT_CLUSTER_STORE": "postgres://conduit:hunter2@127.0.0.1:1/conduit"]) { _, new in new }
        let output = try await CLIRunner.run(Self.app, environment: environment)
        #expect(output.status == 1)
        #expect(output.stderr == "error: Cluster mode keeps OAuth tokens encrypted in the database and needs the key in CONDUIT_STORE_KEY: 32 random bytes in base64, the same on every node (openssl rand -base64 32)\n")
        #expect(!output.stdout.contains(" ready in "))
    }

    @Test func shortStoreKeyRefusesToStart() async throws {
        let environment = ConduitProcess.isolatedEnvironment.merging(["CONDUIT_STORE_KEY": "c2hvcnQ="]) { _, new in new }
        let output = try await CLIRunner.run(Self.app + ["--cluster-store", "postgres://conduit:hunter2@127.0.0.1:1/conduit"], environment: environment)
        #expect(output.status == 1)
        #expect(output.stderr == "error: CONDUIT_STORE_KEY decodes to 5 bytes; it must be 32 random bytes (openssl rand -base64 32)\n")
    }

    @Test func badStoreURLNamesItWithoutThePassword() async throws {
        let key = Data(repeating: 1, count: 32).base64EncodedString()
        let environment = ConduitProcess.isolatedEnvironment.merging(["CONDUIT_STORE_KEY": key, "CONDUIT_CLUSTER_STORE": "mysql://conduit:hunter2@db/app"]) { _, new in new }
        let output = try await CLIRunner.run(Self.app, environment: environment)
        #expect(output.status == 1)
        #expect(output.stderr == "error: The cluster store URL 'mysql://conduit:****@db/app' must start with postgres:// (postgres://user:password@host:5432/database)\n")
    }

    @Test func unreachableStoreFailsTheStartNamingIt() async throws {
        let key = Data(repeating: 1, count: 32).base64EncodedString()
        let environment = ConduitProcess.isolatedEnvironment.merging(["CONDUIT_STORE_KEY": key, "CONDUIT_CLUSTER_STORE": "postgres://conduit:hunter2@127.0.0.1:1/conduit"]) { _, new in new }
        let output = try await CLIRunner.run(Self.app, environment: environment)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("error: Cluster store 'postgres://conduit:****@127.0.0.1:1/conduit' could not be migrated: "), "\(output.stderr)")
        #expect(!(output.stdout + output.stderr).contains("hunter2"))
    }
}

import Foundation
import Testing
import ConduitTestSupport

@Suite struct ValidateCommandTests {
    @Test func sampleAppIsCleanInDev() async throws {
        let output = try await CLIRunner.run(["validate", "--app", CLIRunner.repositoryRoot, "--env", "dev"])
        #expect(output.status == 0)
        #expect(output.stdout.contains(": ok (4 flows, 1 files)"))
        #expect(output.stderr.isEmpty)
    }

    /// The README's second sample, a Mule project: clean in dev (also without `--env`: its
    /// `global-property` names `dev`), and in prod only the company id is missing at load time (the
    /// client id and secret are read with `p()` when a run needs them).
    @Test func muleProjectSampleIsClean() async throws {
        let project = CLIRunner.repositoryRoot + "/examples/mule-project"
        for arguments in [["--env", "dev"], []] {
            let output = try await CLIRunner.run(["validate", "--app", project] + arguments, environment: [:])
            #expect(output.status == 0)
            #expect(output.stdout == "\(project): ok (2 flows, 2 files)\n")
            #expect(output.stderr.isEmpty)
        }
        let prod = try await CLIRunner.run(["validate", "--app", project, "--env", "prod"], environment: [:])
        #expect(prod.status == 1)
        #expect(prod.stderr == """
            src/main/mule/global.xml:26:57: error: Couldn't find configuration property value for key ${procore.company.id}
            src/main/mule/procore-project-sync.xml:81:108: error: Couldn't find configuration property value for key ${procore.company.id}
            2 errors, 0 warnings

            """)
        let configured = try await CLIRunner.run(["validate", "--app", project, "--env", "prod"], environment: ["PROCORE_COMPANY_ID": "562949953437078"])
        #expect(configured.status == 0)
    }

    @Test func prodNamesEachMissingSecretAndExitsOne() async throws {
        let output = try await CLIRunner.run(["validate", "--app", CLIRunner.repositoryRoot, "--env", "prod"], environment: [:])
        #expect(output.status == 1)
        #expect(output.stderr.contains("flows/procore-projects.xml:21:30: error: Couldn't find configuration property value for key ${procore.config.oauth.consumer_key}"))
        #expect(output.stderr.contains("flows/procore-projects.xml:22:33: error: Couldn't find configuration property value for key ${procore.config.oauth.consumer_secret}"))
        #expect(output.stderr.hasSuffix("2 errors, 0 warnings\n"))
    }

    @Test func prodPassesWithSecretsFromTheEnvironment() async throws {
        let output = try await CLIRunner.run(["validate", "--app", CLIRunner.repositoryRoot, "--env", "prod"], environment: [
            "PROCORE_CONFIG_OAUTH_CONSUMER_KEY": "key", "PROCORE_CONFIG_OAUTH_CONSUMER_SECRET": "do-not-print-me",
        ])
        #expect(output.status == 0)
        #expect(!(output.stdout + output.stderr).contains("do-not-print-me"))
    }

    @Test func definesOverrideTheEnvironmentFile() async throws {
        let output = try await CLIRunner.run(["validate", "--app", CLIRunner.repositoryRoot, "--env", "dev", "-D", "http.listener.port=notaport"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: Parameter 'port' of <http:listener-connection> must be a whole number, got 'notaport'."))
    }

    @Test(arguments: [["validate", "--nope"], ["validate", "-D", "novalue"], ["frobnicate"]])
    func usageErrorsExitTwo(_ arguments: [String]) async throws {
        let output = try await CLIRunner.run(arguments)
        #expect(output.status == 2)
        #expect(!output.stderr.isEmpty)
    }

    @Test func encryptThenDecryptRoundTrips() async throws {
        let encrypted = try await CLIRunner.run(["encrypt", "--key", "0123456789abcdef", "s3cret value"])
        #expect(encrypted.status == 0)
        #expect(encrypted.stdout.hasPrefix("!["))
        let decrypted = try await CLIRunner.run(["decrypt", "--key", "0123456789abcdef", encrypted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(decrypted.stdout == "s3cret value\n")
        let wrong = try await CLIRunner.run(["decrypt", "--key", "fedcba9876543210", encrypted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "error: could not decrypt the value: wrong key, algorithm or mode, or a corrupted value\n")
    }
}

/// `validate` finds what `run` finds, located the same (issue 20, item 7): a Procore config that
/// cannot connect and a literal no call could accept are errors; a path two parts claim a warning.
@Suite struct ValidateMatchesRunTests {
    static let flows = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http"
              xmlns:procore="http://www.mulesoft.org/schema/mule/procore">
          <http:listener-config name="HTTP_Listener_config"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>
          <procore:config name="No_Connection"/>
          <procore:config name="Procore_Config">
            <procore:connection>
              <procore:oauth-authorization-code consumerKey="key" consumerSecret="secret"/>
              <procore:oauth-callback-config listenerConfig="HTTP_Listener_config" callbackPath="/mule/callback" authorizePath="/authorize-procore"/>
            </procore:connection>
          </procore:config>
          <flow name="update">
            <http:listener config-ref="HTTP_Listener_config" path="/mule/callback"/>
            <procore:update-project config-ref="Procore_Config" companyId="1" projectId="#[payload.id]" active="yes"/>
          </flow>
        </mule>
        """

    static let expected = """
        flows/app.xml:5:3: error: Element <procore:config> is missing required child <procore:connection>.
        flows/app.xml:13:5: warning: The listener's path '/mule/callback' is the OAuth callback path of config 'Procore_Config' (declared at flows/app.xml:6:3), which answers its GET requests first; this flow never receives them.
        flows/app.xml:14:105: error: Invalid value for parameter 'active': 'yes' is not a boolean (expected true or false)
        2 errors, 1 warning

        """

    @Test func validateAndRunReportTheSameLocatedProblems() async throws {
        let directory = try TemporaryAppDirectory(["flows/app.xml": Self.flows])
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        for command in ["validate", "run"] {
            let output = try await CLIRunner.run([command, "--app", directory.path])
            #expect(output.status == 1, "\(command)")
            #expect(output.stderr == Self.expected, "\(command)")
            #expect(!output.stdout.contains("ready"))
        }
    }
}

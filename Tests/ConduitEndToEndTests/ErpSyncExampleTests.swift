import ConduitTestSupport
import FlowCore
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The README's third sample, `examples/erp-sync/`: a Mule project that keeps Procore projects in
/// step with an ERP's CSV export. Each test runs a copy of the example (so the CSV can be edited
/// and its `.conduit/` state stays in scratch) as `conduit run --app … --env dev`, against the
/// bundled sandbox or, where the sandbox must outlive the app or take a heavier load, a separate
/// `conduit sandbox` process. Two clustered nodes are in `ErpSyncClusterTests`.
@Suite(.serialized) struct ErpSyncExampleTests {
    static let company = "562949953437078"
    static let header = "job_number,name,status,customer,start_date,end_date,contract_value,site_address,city,state,zip,country,phone,description,last_modified"

    /// `count` jobs `<prefix>-1`… that map cleanly.
    static func csv(prefix: String, count: Int) -> String {
        ([header] + (1...count).map { index in
            "\(prefix)-\(index),Generated job \(index),Open,Customer \(index % 7),01/\(String(format: "%02d", index % 28 + 1))/2026,12/31/2027,"
                + "\"$\(index),000.00\",\(index) Main St,Anytown,CA,12345,USA,(555) 010-0100,Job \(index) of \(count),2025-09-01T00:00:00Z"
        }).joined(separator: "\n") + "\n"
    }

    @Test func readmeWalkthroughSyncsOnceThenOnlyWhatChanged() async throws {
        let app = try await ErpSyncRun.start(sandbox: .bundled)
        defer { app.stop() }
        #expect(app.readyLine.hasPrefix("Conduit app 'erp-sync' ready in "))
        #expect(app.process.stdout.contains("Procore sandbox (bundled, auto-approve) at \(app.sandboxURL)\n"))

        // First run: five jobs created, the one with a date that does not exist reported.
        let first = try await app.sync()
        #expect(first["trigger"] == "on demand")
        #expect(first["jobs"] == 6)
        #expect(first["created"] == 5)
        #expect(first["updated"] == 0)
        #expect(first["failed"] == 1)
        let failure = try #require(first["failures"]?.arrayValue?.first)
        #expect(failure["line"] == 7)
        #expect(failure["jobNumber"] == "J-1006")
        #expect(failure["error"] == "MULE:EXPRESSION")
        #expect(failure["row"]?["start_date"] == "15/03/2026")
        #expect(failure["description"] == "Cannot coerce String (15/03/2026) to Date, caused by: Text '15/03/2026' could not be parsed: Invalid value for MonthOfYear: 15")
        let warning = try await app.process.line(containing: "Job J-1006 (line 7) not synced: MULE:EXPRESSION: ", within: .seconds(5))
        #expect(warning.hasPrefix("WARN  "))
        #expect(warning.contains(#" | row: {"job_number": "J-1006","name": "Canal Bridge Retrofit","#))

        var projects = try await app.erpProjects()
        #expect(projects.keys.sorted() == ["J-1001", "J-1002", "J-1003", "J-1004", "J-1005"])
        let harbor = try #require(projects["J-1001"])
        #expect(harbor["name"] == "Harbor Pier 4 Rebuild")
        #expect(harbor["project_number"] == "J-1001")
        #expect(harbor["start_date"] == "2025-03-15")
        #expect(harbor["completion_date"] == "2026-11-30")
        #expect(harbor["total_value"] == "4250000.0")
        #expect(harbor["country_code"] == "US")
        #expect(projects["J-1005"]?["active"] == false)
        #expect(projects["J-1003"]?["total_value"] == "1150000.5")
        let libraryID = try #require(projects["J-1003"]?["id"])

        // Second run: nothing created, nothing sent again.
        let second = try await app.sync()
        #expect(second["created"] == 0)
        #expect(second["updated"] == 0)
        #expect(second["unchanged"] == 5)
        #expect(second["failed"] == 1)
        #expect(try await app.erpProjects().count == 5)

        // Fix the bad date and rename one job: exactly those two projects change.
        try app.editCSV { text in
            text.replacingOccurrences(of: "15/03/2026", with: "03/15/2026")
                .replacingOccurrences(of: "Main Street Library Renovation", with: "Main Street Library Renovation Phase 2")
        }
        let third = try await app.sync()
        #expect(third["created"] == 1)
        #expect(third["updated"] == 1)
        #expect(third["unchanged"] == 4)
        #expect(third["failed"] == 0)
        #expect(third["updatedProjects"]?.arrayValue?.compactMap { $0["jobNumber"] } == ["J-1003"])
        projects = try await app.erpProjects()
        #expect(projects["J-1003"]?["name"] == "Main Street Library Renovation Phase 2")
        #expect(projects["J-1003"]?["id"] == libraryID)
        #expect(projects["J-1006"]?["start_date"] == "2026-03-15")

        // GET /sync/report shows the last run.
        let report = try await Reply.send(.GET, app.appURL + "/sync/report")
        #expect(report.status == 200)
        #expect(report.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(try report.json["id"] == third["id"])
    }

    @Test func aRejectedJobIsReportedAndTheBatchGoesOn() async throws {
        let app = try await ErpSyncRun.start(sandbox: .bundled)
        defer { app.stop() }
        // Procore refuses the second create with a 422.
        let fault = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/faults", json: """
            {"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "status": 422, "body": "{\\"errors\\":{\\"city\\":[\\"can't be blank\\"]}}"}
            """)
        #expect(fault.status == 201)
        let report = try await app.sync()
        #expect(report["created"] == 4)
        #expect(report["failed"] == 2)
        let rejected = try #require(report["failures"]?.arrayValue?.first)
        #expect(rejected["jobNumber"] == "J-1001")
        #expect(rejected["error"] == "PROCORE:UNPROCESSABLE_ENTITY")
        #expect(rejected["description"] == "city: can't be blank")
        _ = try await app.process.line(containing: "Job J-1001 (line 2) not synced: PROCORE:UNPROCESSABLE_ENTITY: city: can't be blank | row: ", within: .seconds(5))
        // The next run retries it.
        let retried = try await app.sync()
        #expect(retried["created"] == 1)
        #expect(retried["createdProjects"]?.arrayValue?.first?["jobNumber"] == "J-1001")
    }

    /// The app killed in the middle of a run, restarted: the jobs it had created are found by
    /// origin_id, never created twice, and every job ends up with exactly one project.
    @Test func aCrashMidRunThenARestartCreatesNoDuplicates() async throws {
        let sandbox = try await SandboxProcess.start()
        defer { sandbox.stop() }
        let rows = 150
        let first = try await ErpSyncRun.start(sandbox: .external(sandbox), csv: Self.csv(prefix: "C", count: rows))
        defer { first.stop() }
        // Slow every create down so that the kill lands mid-run.
        #expect(try await sandbox.fault(#"{"count": 100000, "path": "/rest/v1.0/projects", "method": "POST", "delayMs": 20}"#).status == 201)
        let running = Task { try? await first.sync(timeout: .seconds(120)) }
        let deadline = ContinuousClock.now + .seconds(60)
        while try await sandbox.projects(originPrefix: "C-").count < 40, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        first.process.kill()
        _ = await running.value
        let before = try await sandbox.projects(originPrefix: "C-")
        #expect(before.count >= 40)
        #expect(before.count < rows)

        let app = try await ErpSyncRun.start(sandbox: .external(sandbox), directory: first.directory)
        defer { app.stop() }
        let report = try await app.sync(timeout: .seconds(120))
        #expect(report["failed"] == 0)
        #expect(report["created"]?.integer.map { Int($0) + before.count } == rows)
        let after = try await sandbox.projects(originPrefix: "C-")
        #expect(after.count == rows)
        #expect(Set(after.compactMap { $0["origin_id"]?.stringValue }) == Set((1...rows).map { "C-\($0)" }))
    }

    /// Procore answering 429 (Retry-After: 1) to six requests in a row slows the run by about six
    /// seconds; every job still reaches Procore and none is reported failed.
    @Test func aRateLimitStormSlowsTheSyncButLosesNothing() async throws {
        let sandbox = try await SandboxProcess.start()
        defer { sandbox.stop() }
        let app = try await ErpSyncRun.start(sandbox: .external(sandbox), csv: Self.csv(prefix: "S", count: 20))
        defer { app.stop() }
        #expect(try await sandbox.fault(#"{"count": 6, "path": "/rest/v1.0/projects", "method": "POST", "status": 429, "retryAfter": 1}"#).status == 201)
        let started = ContinuousClock.now
        let report = try await app.sync(timeout: .seconds(120))
        #expect(ContinuousClock.now - started >= .seconds(5))
        #expect(report["created"] == 20)
        #expect(report["failed"] == 0)
        #expect(try await sandbox.projects(originPrefix: "S-").count == 20)
    }

    /// A second `POST /sync` while a run is in progress answers 409 with the run it waits for;
    /// the run goes on and the lock is free afterwards.
    @Test func aSecondSyncWhileOneRunsIsRefused() async throws {
        let sandbox = try await SandboxProcess.start()
        defer { sandbox.stop() }
        let app = try await ErpSyncRun.start(sandbox: .external(sandbox), csv: Self.csv(prefix: "L", count: 30))
        defer { app.stop() }
        #expect(try await sandbox.fault(#"{"count": 100000, "path": "/rest/v1.0/projects", "method": "POST", "delayMs": 50}"#).status == 201)
        let running = Task { try await app.sync(timeout: .seconds(120)) }
        _ = try await app.process.line(containing: "ERP sync started (on demand)", within: .seconds(30))
        let refused = try await Reply.send(.POST, app.appURL + "/sync")
        #expect(refused.status == 409)
        #expect(refused.header("Content-Type")?.hasPrefix("application/json") == true)
        let since = try #require(try refused.json["running"]?["since"]?.stringValue)
        #expect(try refused.json["error"] == .string("A sync is already running: the on demand sync started at \(since). Try again when it has finished."))
        let report = try await running.value
        #expect(report["created"] == 30)
        let next = try await app.sync()
        #expect(next["unchanged"] == 30)
    }

    @Test func aThousandJobsSyncInOneRun() async throws {
        let sandbox = try await SandboxProcess.start()
        defer { sandbox.stop() }
        let app = try await ErpSyncRun.start(sandbox: .external(sandbox), csv: Self.csv(prefix: "K", count: 1000))
        defer { app.stop() }
        let report = try await app.sync(timeout: .seconds(600))
        #expect(report["jobs"] == 1000)
        #expect(report["created"] == 1000)
        #expect(report["failed"] == 0)
        let projects = try await sandbox.projects(originPrefix: "K-")
        #expect(projects.count == 1000)
        #expect(projects.first { $0["origin_id"] == "K-1000" }?["total_value"] == "1000000.0")
        let again = try await app.sync(timeout: .seconds(600))
        #expect(again["unchanged"] == 1000)
        #expect(again["created"] == 0)
    }
}

import ConduitTestSupport
import FlowCore
import FlowEngine
import Foundation
import Testing
import Logging

@Suite("Error log block")
struct ErrorLoggingTests {
    @Test("the block has Mule's lines, labels and FlowStack layout")
    func rendering() {
        let location = { (line: Int) in SourceLocation(file: "flows/main.xml", line: line, column: 5) }
        let error = FlowError(
            type: ErrorType(namespace: "APP", identifier: "BOOM", parent: nil), description: "It broke.",
            failingComponent: ElementReference(path: "inner/processors/0", location: location(20)),
            flowStack: [
                FlowStackFrame(flowName: "inner", element: ElementReference(path: "inner/processors/0", location: location(20))),
                FlowStackFrame(flowName: "main", element: ElementReference(path: "main/processors/1", location: location(9))),
            ])
        let stars = String(repeating: "*", count: 80)
        #expect(ErrorLogBlock.render(error, appName: "orders") == """

            \(stars)
            Message               : It broke.
            Element               : inner/processors/0 @ orders:flows/main.xml:20
            Error type            : APP:BOOM
            FlowStack             : at inner(inner/processors/0 @ orders:flows/main.xml:20)
                                    at main(main/processors/1 @ orders:flows/main.xml:9)
            \(stars)
            """)
    }

    @Test("an unhandled error is logged once at ERROR with the element's file and line")
    func loggedOnce() async throws {
        let logs = LogCapture()
        let body = """
            <flow name="main">
              <flow-ref name="inner"/>
            </flow>
            <flow name="inner">
              <raise-error type="APP:BOOM" description="It broke."/>
            </flow>
            """
        let runtime = try TestApp.runtime(body, logs: logs)
        _ = try await runtime.run(flow: "main")
        let errors = logs.records.filter { $0.level == .error }
        #expect(errors.count == 1)
        let block = try #require(errors.first?.message)
        let raiseLine = try #require(TestApp.line(of: "<raise-error", in: body))
        let refLine = try #require(TestApp.line(of: "<flow-ref", in: body))
        let app = runtime.appName
        #expect(block.contains("Message               : It broke.\n"))
        #expect(block.contains("Element               : inner/processors/0 @ \(app):flows/main.xml:\(raiseLine)\n"))
        #expect(block.contains("Error type            : APP:BOOM\n"))
        #expect(block.contains("FlowStack             : at inner(inner/processors/0 @ \(app):flows/main.xml:\(raiseLine))\n"
            + "                        at main(main/processors/0 @ \(app):flows/main.xml:\(refLine))\n"))
        #expect(errors.first?.category == LogCategories.onErrorPropagate)
        #expect(errors.first?.metadata[LogMetadataKeys.errorType] == "APP:BOOM")
    }

    @Test("logException=false keeps a handler quiet; on-error-continue logs in its own category")
    func logException() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="quiet">
              <raise-error type="APP:X"/>
              <error-handler><on-error-continue logException="false"/></error-handler>
            </flow>
            <flow name="loud">
              <raise-error type="APP:X"/>
              <error-handler><on-error-continue/></error-handler>
            </flow>
            """, logs: logs)
        _ = try await runtime.run(flow: "quiet")
        #expect(logs.records.filter { $0.level == .error }.isEmpty)
        _ = try await runtime.run(flow: "loud")
        #expect(logs.records.filter { $0.level == .error }.map(\.category) == [LogCategories.onErrorContinue])
    }
}

extension TestApp {
    /// The line of `flows/main.xml` where `marker` first appears, for an app with `body`.
    static func line(of marker: String, in body: String) -> Int? {
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mule \(namespaces)>
            \(body)
            </mule>
            """
        let lines = file.components(separatedBy: "\n")
        return lines.firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }
}

import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging

/// Loads an app written inline (the body of a `<mule>` element) through the real loader and
/// builds its runtime, logging into a ``LogCapture``.
public enum TestApp {
    /// The namespace of the test connectors (`test:` elements) in the engine and listener tests.
    public static let testNamespaceURI = "http://www.mulesoft.org/schema/mule/test"

    /// The app did not load; the diagnostics, one per line.
    public struct LoadFailure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The namespace declarations of the generated `<mule>` root.
    public static let namespaces = """
        xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http"
              xmlns:tls="http://www.mulesoft.org/schema/mule/tls"
              xmlns:test="\(testNamespaceURI)"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.mulesoft.org/schema/mule/core http://www.mulesoft.org/schema/mule/core/current/mule.xsd
                                  http://www.mulesoft.org/schema/mule/http http://www.mulesoft.org/schema/mule/http/current/mule-http.xsd
                                  \(testNamespaceURI) \(testNamespaceURI)/current/mule-test.xsd"
        """

    /// The connectors every test app gets besides its own: the HTTP module (listeners and TLS).
    public static let standardConnectors: [any Connector] = HTTPFlowConnector.all

    /// Loads the app whose `flows/main.xml` holds `body` inside `<mule>`, with the HTTP module
    /// and `connectors`; `files` are written into the app directory first (path → text).
    public static func load(_ body: String, properties: [(String, String)] = [], connectors: [any Connector] = [],
                            files: [String: String] = [:]) throws -> LoadResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conduit-engine-tests-\(UUID().uuidString)")
        let flows = directory.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mule \(namespaces)>
            \(body)
            </mule>
            """
        try xml.write(to: flows.appendingPathComponent("main.xml"), atomically: true, encoding: .utf8)
        for (path, text) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return AppLoader.load(LoadOptions(appDirectory: directory.path, defines: properties,
                                          connectors: (standardConnectors + connectors).map(\.declaration)))
    }

    /// The app whose `flows/main.xml` holds `body` inside `<mule>`, loaded and checked by the
    /// loader (not built).
    public static func definition(_ body: String, properties: [(String, String)] = [], connectors: [any Connector] = []) throws -> AppDefinition {
        let result = try load(body, properties: properties, connectors: connectors)
        guard let app = result.app, !result.hasErrors else {
            throw LoadFailure(description: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return app
    }

    /// Every problem the loader and the build step find in the app, in file order, as
    /// `conduit validate` prints them.
    public static func diagnostics(_ body: String, properties: [(String, String)] = [], connectors: [any Connector] = [],
                                   files: [String: String] = [:]) throws -> [Diagnostic] {
        let result = try load(body, properties: properties, connectors: connectors, files: files)
        return Runtime.prepare(result, connectors: standardConnectors + connectors,
                               options: RuntimeOptions(logHandlerFactory: { _ in SwiftLogNoOpLogHandler() })).diagnostics
    }

    /// The app loaded and built (not started), with `services` for its connectors and engine; a
    /// ``LoadFailure`` with every problem otherwise.
    public static func runtime(_ body: String, properties: [(String, String)] = [], connectors: [any Connector] = [],
                               logs: LogCapture = LogCapture(), logLevels: [String: LogThreshold] = [:],
                               files: [String: String] = [:], services: ServiceRegistry = ServiceRegistry()) throws -> Runtime {
        let result = try load(body, properties: properties, connectors: connectors, files: files)
        var options = RuntimeOptions(logLevelOverrides: logLevels, logHandlerFactory: logs.factory)
        options.services = services
        let prepared = Runtime.prepare(result, connectors: standardConnectors + connectors, options: options)
        guard let runtime = prepared.runtime else {
            throw LoadFailure(description: prepared.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return runtime
    }
}

import Logging

extension Runtime {
    /// Runs the flow called `name` with `payload`; fails the test when there is no such flow.
    public func run(flow name: String, payload: Value = .null, vars: ValueObject = ValueObject()) async throws -> FlowOutcome {
        guard let flow = flow(named: name) else { throw TestApp.LoadFailure(description: "no flow named \(name)") }
        return await run(flow, Event(payload: payload, vars: vars, correlationId: "test-correlation"))
    }
}

extension FlowOutcome {
    /// The final event of a successful run.
    public var event: Event? {
        if case .success(let event) = self { return event }
        return nil
    }

    /// The failure of a failed run.
    public var failure: FlowFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

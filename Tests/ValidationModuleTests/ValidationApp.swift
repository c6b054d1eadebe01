import ConduitTestSupport
import FlowCore
import FlowEngine
import ValidationModule

/// Builds test apps using the `validation:` namespace, declared on the flow element since the
/// generated `<mule>` root does not bind it.
enum ValidationApp {
    static let namespace = ValidationDeclaration.namespaceURI

    /// A runtime whose flow `main` runs `processors` (and an error handler, if given); `globals`
    /// go at the top level.
    static func runtime(_ processors: String, globals: String = "") throws -> Runtime {
        try TestApp.runtime(body(processors, globals: globals), connectors: [ValidationConnector()])
    }

    /// The build diagnostics of such an app, as `conduit validate` prints them.
    static func diagnostics(_ processors: String, globals: String = "") throws -> [String] {
        try TestApp.diagnostics(body(processors, globals: globals), connectors: [ValidationConnector()]).map(\.description)
    }

    /// Runs `processors` on `payload`: nil when the flow succeeds, else the error's type and
    /// description.
    static func failure(_ processors: String, payload: Value = .null) async throws -> Failure? {
        let outcome = try await runtime(processors).run(flow: "main", payload: payload)
        guard let failure = outcome.failure else { return nil }
        return Failure(type: failure.error.type.description, message: failure.error.description)
    }

    struct Failure: Equatable, CustomStringConvertible {
        var type: String
        var message: String
        var description: String { "\(type): \(message)" }
    }

    private static func body(_ processors: String, globals: String) -> String {
        """
        \(globals)
        <flow name="main" xmlns:validation="\(namespace)">
        \(processors)
        </flow>
        """
    }
}

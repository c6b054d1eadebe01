import FlowCore
import FlowModel

extension Runtime {
    /// Compiles `app` into a runtime: every flow, sub-flow and error handler becomes immutable
    /// processors, every `flow-ref` and handler reference is resolved, and every connector
    /// element (configurations, operations, sources) is built by the connector owning its
    /// namespace. Nothing is started.
    ///
    /// The loader has already validated the app; whatever still cannot be built is reported
    /// as diagnostics (all of them), and nothing runs. Warnings are in ``warnings``.
    public static func build(_ app: AppDefinition, connectors: [any Connector] = [], options: RuntimeOptions = RuntimeOptions()) throws(DiagnosticList) -> Runtime {
        let builder = RuntimeBuilder(app: app, connectors: connectors, options: options, isPartial: false)
        return try builder.build()
    }

    /// Everything wrong with a loaded app, the loader's findings and the build step's (the
    /// connectors' own rules) in file order, and the built runtime when there is nothing wrong.
    ///
    /// When the loader found errors, what it could read is still built, skipping the elements it
    /// reported, so that one run (`conduit validate`) shows every mistake.
    public static func prepare(_ loaded: LoadResult, connectors: [any Connector] = [],
                               options: RuntimeOptions = RuntimeOptions()) -> (runtime: Runtime?, diagnostics: [Diagnostic]) {
        guard let partial = loaded.partialApp else { return (nil, loaded.diagnostics) }
        let builder = RuntimeBuilder(app: partial, connectors: connectors, options: options, isPartial: loaded.hasErrors)
        do {
            let runtime = try builder.build()
            let diagnostics = Diagnostic.inFileOrder(loaded.diagnostics + runtime.warnings)
            return (loaded.hasErrors ? nil : runtime, diagnostics)
        } catch {
            return (nil, Diagnostic.inFileOrder(loaded.diagnostics + error.diagnostics))
        }
    }
}

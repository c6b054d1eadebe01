import Foundation
import FlowCore
import FlowProperties
import FlowXML

/// Loads an app: reads every flow file and property source, checks everything in one pass, and
/// returns the located definitions with every problem found.
///
/// The order mirrors Mule's: imports and `${env}`-style file names are resolved first from the
/// command line, the environment and global properties; then the properties files; then every
/// element, its placeholders and expressions; then the references between elements.
public enum AppLoader {
    /// Loads the app described by `options`.
    public static func load(_ options: LoadOptions) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let layout = AppLayout(directory: options.appDirectory)
        var artifact: MuleArtifact?
        if layout.kind == .muleProject {
            let read = MuleArtifact.read(in: layout)
            artifact = read.artifact
            diagnostics += read.diagnostics
        }
        let reader = DocumentReader(layout: layout)
        let (files, fileProblems) = reader.configFiles(artifact: artifact)
        diagnostics += fileProblems

        var documents: [LoadedDocument] = []
        let scanned = layout.kind == .muleProject && artifact?.configs == nil
        for file in files {
            let (document, problem) = reader.parse(file, skippingOtherXML: scanned)
            if let problem { diagnostics.append(problem) }
            if let document { documents.append(document) }
        }

        let setup = PropertySetup(options: options, layout: layout, artifact: artifact, documents: documents)
        let imports = setup.readImports(reader: reader, diagnostics: &diagnostics)
        documents += imports.documents
        let stage = setup.makeStage(documents: documents, diagnostics: &diagnostics)

        var errorTypes = ErrorTypeRepository()
        for connector in options.connectors {
            errorTypes.registerConnector(namespace: connector.errorNamespace, types: connector.errorTypes)
        }
        declareRaisedTypes(in: documents, stage: stage, repository: &errorTypes)

        let context = LoadContext(vocabulary: Vocabulary(connectors: options.connectors), properties: stage, errorTypes: errorTypes,
                                  layout: layout)
        var parts = AppParts()
        context.unsupported = UnsupportedModules(scanning: documents.map(\.root), vocabulary: context.vocabulary)
        for global in context.unsupported.globals {
            context.registerGlobal(global.name, stereotype: LoadContext.unsupportedStereotype, at: global.location)
        }
        context.missingImports = imports.missing
        for document in documents {
            context.readGlobals(of: document.root, into: &parts)
        }
        context.checkReferences(parts)
        diagnostics += context.diagnostics

        let logging = LoggingConfiguration.read(in: layout)
        diagnostics += logging.diagnostics

        var app = AppDefinition(
            name: URL(fileURLWithPath: layout.directory).lastPathComponent, layout: layout, files: documents.map(\.file),
            connectorConfigs: parts.connectorConfigs, flows: parts.flows, subFlows: parts.subFlows,
            globalErrorHandlers: parts.globalErrorHandlers, defaultErrorHandlerName: parts.defaultErrorHandlerName,
            errorTypes: context.errorTypes, properties: stage.resolver, incompleteComponents: context.incompleteComponents)
        app.logging = logging.configuration
        app.cachingStrategies = parts.cachingStrategies
        let ordered = Diagnostic.inFileOrder(diagnostics)
        guard !ordered.contains(where: { $0.severity == .error }) else {
            return LoadResult(app: nil, diagnostics: ordered, partialApp: app)
        }
        return LoadResult(app: app, diagnostics: ordered)
    }

    /// Declares the custom namespaces that `raise-error` and `error-mapping targetType` use, so
    /// that handlers anywhere in the app may name them (Mule declares a type by raising it).
    private static func declareRaisedTypes(in documents: [LoadedDocument], stage: PropertyStage, repository: inout ErrorTypeRepository) {
        func visit(_ element: XMLElement) {
            let typeAttribute = element.localName == "raise-error" ? "type" : "targetType"
            if element.namespaceURI == Namespaces.core, element.localName == "raise-error" || element.localName == "error-mapping",
               let attribute = element.attribute(typeAttribute) {
                let text = stage.resolve(attribute.value, at: attribute.valueMap).text
                if let name = ErrorTypeName(parsing: text), name.namespace != "MULE",
                   !repository.connectorNamespaces.contains(name.namespace) {
                    repository.declareCustom(name)
                }
            }
            element.children.forEach(visit)
        }
        documents.forEach { visit($0.root) }
    }
}

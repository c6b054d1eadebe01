import FlowCore
import FlowEngine
import FlowModel
import FlowXML
import Foundation

extension SpringConfiguration {
    /// Reads the beans files `files` names (comma-separated, found like every classpath file of
    /// the app; a `classpath:` prefix is allowed), every problem reported at once: a file that
    /// is not there names each place looked in.
    static func read(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> SpringConfiguration {
        let name = definition.parameters["name"]?.text ?? ""
        guard let files = definition.parameters["files"] else {
            throw DiagnosticList([.error("Element <spring:config> is missing required parameter 'files'.", at: definition.location)])
        }
        let reader = SpringBeansReader(placeholders: SpringPlaceholders(property: context.property))
        var problems: [Diagnostic] = []
        for entry in files.text.split(separator: ",") {
            var file = entry.trimmingCharacters(in: .whitespaces)
            for prefix in ["classpath*:", "classpath:"] where file.hasPrefix(prefix) { file = String(file.dropFirst(prefix.count)) }
            guard !file.isEmpty else { continue }
            guard let path = context.layout.locate(file) else {
                problems.append(.error("Spring configuration file '\(file)' not found (looked in \(context.layout.placesLooked(for: file))).",
                                       at: files.valueLocation))
                continue
            }
            do {
                reader.read(try XMLDocumentParser.parse(contentsOf: path, displayName: context.layout.displayName(path)))
            } catch {
                problems.append(error.diagnostic)
            }
        }
        let managers = reader.finish()
        for diagnostic in reader.diagnostics {
            if diagnostic.severity == .error { problems.append(diagnostic) } else { context.warning(diagnostic.message, at: diagnostic.location) }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return SpringConfiguration(name: name, managers: managers)
    }
}

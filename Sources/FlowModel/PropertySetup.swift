import Foundation
import FlowCore
import FlowProperties
import FlowXML

/// Gathers the app's property sources in Mule's order and builds the resolver every attribute
/// goes through: `-D` (plus `env` from `--env`), environment variables, the `--env` file and
/// `<configuration-properties>` files (first definition wins), secure properties, then
/// `<global-property>`. Relative file names are looked up as the layout says (the classpath
/// first in a Mule project).
struct PropertySetup {
    let options: LoadOptions
    let layout: AppLayout
    let artifact: MuleArtifact?
    let documents: [LoadedDocument]

    /// `-D` pairs, with `env=<name>` and `mule.env=<name>` added for `--env` unless `-D` gives
    /// them (both are the names Mule apps use to pick their properties files).
    private var commandLine: [(String, String)] {
        var pairs = options.defines
        if let environment = options.environment {
            for key in ["env", "mule.env"] where !pairs.contains(where: { $0.0 == key }) {
                pairs.append((key, environment))
            }
        }
        return pairs
    }

    /// Reads `<import file>` elements (transitively), resolving their names from the command line
    /// and the environment only, as Mule does.
    ///
    /// Returns the imported documents, and the names that could not be found (already
    /// reported), for messages about what they might have defined.
    func readImports(reader: DocumentReader, diagnostics: inout [Diagnostic]) -> (documents: [LoadedDocument], missing: [String]) {
        let stage = PropertyStage(resolver: PropertyResolver(commandLine: commandLine, environment: options.environmentVariables,
                                                             files: [], globalProperties: [], secure: []))
        var seen = Set(documents.map(\.file))
        var pending = documents
        var imported: [LoadedDocument] = []
        var missing: [String] = []
        while !pending.isEmpty {
            let document = pending.removeFirst()
            for element in document.root.children where element.namespaceURI == Namespaces.core && element.localName == "import" {
                guard let attribute = element.attribute("file") else { continue }
                let resolved = stage.resolve(attribute.value, at: attribute.valueMap)
                diagnostics += resolved.diagnostics
                guard resolved.diagnostics.isEmpty else { continue }
                guard let file = reader.importedFile(resolved.text) else {
                    diagnostics.append(.error("Could not find imported file '\(resolved.text)' (looked in \(reader.importCandidates(resolved.text).joined(separator: ", "))).",
                                              at: attribute.valueLocation))
                    missing.append(resolved.text)
                    continue
                }
                guard seen.insert(file).inserted else { continue }
                let (loaded, problem) = reader.parse(file)
                if let problem { diagnostics.append(problem) }
                if let loaded {
                    imported.append(loaded)
                    pending.append(loaded)
                }
            }
        }
        return (imported, missing)
    }

    /// Builds the resolver for every attribute of the app.
    func makeStage(documents: [LoadedDocument], diagnostics: inout [Diagnostic]) -> PropertyStage {
        let globals = globalProperties(in: documents, diagnostics: &diagnostics)
        let early = PropertyStage(resolver: PropertyResolver(commandLine: commandLine, environment: options.environmentVariables,
                                                             files: [], globalProperties: globals, secure: []))
        var files: [PropertiesFile] = []
        if let environmentFile = environmentFile(diagnostics: &diagnostics) { files.append(environmentFile) }
        var secure: [SecurePropertiesConfiguration] = []
        for document in documents {
            for element in document.root.children {
                if element.namespaceURI == Namespaces.core, element.localName == "configuration-properties" {
                    if let file = configurationPropertiesFile(element, stage: early, diagnostics: &diagnostics) { files.append(file) }
                } else if element.namespaceURI == Namespaces.secureProperties, element.localName == "config" {
                    if let config = secureConfiguration(element, stage: early, diagnostics: &diagnostics) { secure.append(config) }
                }
            }
        }
        let resolver = PropertyResolver(commandLine: commandLine, environment: options.environmentVariables,
                                        files: files, globalProperties: globals, secure: secure,
                                        secretKeys: Set(artifact?.secureProperties ?? []))
        diagnostics += resolver.diagnostics
        return PropertyStage(resolver: resolver)
    }

    private func globalProperties(in documents: [LoadedDocument], diagnostics: inout [Diagnostic]) -> [PropertyEntry] {
        var entries: [PropertyEntry] = []
        for document in documents {
            for element in document.root.children where element.namespaceURI == Namespaces.core && element.localName == "global-property" {
                guard let name = element.attribute("name"), let value = element.attribute("value") else { continue }
                entries.append(PropertyEntry(key: name.value, value: value.value, location: name.valueLocation, valueLocation: value.valueLocation))
            }
        }
        return entries
    }

    /// `properties/<env>.properties` or `.yaml`, when `--env` names one that exists, in Conduit's
    /// layout (a Mule project names its files itself, with `${env}` or `${mule.env}`).
    private func environmentFile(diagnostics: inout [Diagnostic]) -> PropertiesFile? {
        guard let environment = options.environment, layout.kind == .conduit else { return nil }
        for name in ["properties/\(environment).properties", "properties/\(environment).yaml", "properties/\(environment).yml"] {
            let path = (options.appDirectory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let (file, problems) = PropertiesFile.load(path: path, displayName: name)
            diagnostics += problems
            return file
        }
        diagnostics.append(.warning("No properties file for environment '\(environment)': looked for properties/\(environment).properties and properties/\(environment).yaml.",
                                    at: .synthetic((options.appDirectory as NSString).appendingPathComponent("properties"))))
        return nil
    }

    private func configurationPropertiesFile(_ element: XMLElement, stage: PropertyStage, diagnostics: inout [Diagnostic]) -> PropertiesFile? {
        guard let attribute = element.attribute("file") else { return nil }  // reported by the element check
        let resolved = stage.resolve(attribute.value, at: attribute.valueMap)
        diagnostics += resolved.diagnostics
        guard resolved.diagnostics.isEmpty else { return nil }
        let (file, problems) = PropertiesFile.load(path: absolutePath(resolved.text), displayName: resolved.text,
                                                   referencedAt: attribute.valueLocation)
        diagnostics += problems.map(namingPlacesLooked(for: resolved.text))
        return file
    }

    private func secureConfiguration(_ element: XMLElement, stage: PropertyStage, diagnostics: inout [Diagnostic]) -> SecurePropertiesConfiguration? {
        guard let name = element.attribute("name"), let keyAttribute = element.attribute("key"),
              let fileAttribute = element.attribute("file") else { return nil }  // reported by the element check
        let key = stage.resolve(keyAttribute.value, at: keyAttribute.valueMap)
        let fileName = stage.resolve(fileAttribute.value, at: fileAttribute.valueMap)
        diagnostics += key.diagnostics + fileName.diagnostics
        guard key.diagnostics.isEmpty, fileName.diagnostics.isEmpty else { return nil }
        let (file, problems) = PropertiesFile.load(path: absolutePath(fileName.text), displayName: fileName.text,
                                                   referencedAt: fileAttribute.valueLocation)
        diagnostics += problems.map(namingPlacesLooked(for: fileName.text))
        guard let file else { return nil }
        let encrypt = element.children.first { $0.namespaceURI == Namespaces.secureProperties && $0.localName == "encrypt" }
        if encrypt == nil {
            diagnostics.append(.error("Element <\(element.qualifiedName)> is missing required child <secure-properties:encrypt>.", at: element.location))
            return nil
        }
        return SecurePropertiesConfiguration(
            name: name.value, key: key.text, file: file,
            algorithm: encrypt?.attribute("algorithm")?.value ?? "AES",
            mode: encrypt?.attribute("mode")?.value ?? "CBC",
            useRandomIVs: encrypt?.attribute("useRandomIVs")?.value == "true",
            location: element.location)
    }

    /// Where `file` is: found as the layout looks files up, else where Conduit's layout would
    /// have it (so that the loader's "not found" names it).
    private func absolutePath(_ file: String) -> String {
        layout.locate(file) ?? (file.hasPrefix("/") ? file : layout.absolute(file))
    }

    /// A "not found" diagnostic about `file` extended with the places looked in, where there are
    /// several (a Mule project's classpath and directory).
    private func namingPlacesLooked(for file: String) -> (Diagnostic) -> Diagnostic {
        { diagnostic in
            guard layout.resourceFolders.count > 1, layout.locate(file) == nil, diagnostic.message.hasPrefix("Couldn't find") else { return diagnostic }
            var extended = diagnostic
            extended.message += " (looked in \(layout.placesLooked(for: file)))"
            return extended
        }
    }
}

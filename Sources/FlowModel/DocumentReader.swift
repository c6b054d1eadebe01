import Foundation
import FlowCore
import FlowXML

/// One parsed configuration file.
struct LoadedDocument {
    /// The path as shown to users, relative to the app directory (`flows/app.xml`,
    /// `src/main/mule/api.xml`).
    let file: String
    /// The `<mule>` root.
    let root: XMLElement
}

/// Finds and parses the app's XML files: the layout's configs in name order, then what they
/// `<import>`.
struct DocumentReader {
    let layout: AppLayout

    /// The configs of the app, relative to its directory: `flows/*.xml` in Conduit's layout;
    /// `mule-artifact.json`'s `configs`, else every `*.xml` under `src/main/mule` (any depth) in a
    /// Mule project. Sorted by name where the order is not given, so that load order never
    /// depends on the file system.
    func configFiles(artifact: MuleArtifact?) -> (files: [String], diagnostics: [Diagnostic]) {
        switch layout.kind {
        case .conduit: conduitConfigs()
        case .muleProject: muleConfigs(artifact: artifact)
        }
    }

    private func conduitConfigs() -> (files: [String], diagnostics: [Diagnostic]) {
        let directory = layout.absolute("flows")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return ([], [.error("No flows directory: expected Mule XML files in '\(directory)' (Conduit's layout) or in '\(layout.absolute("src/main/mule"))' (a Mule project).",
                                at: .synthetic(directory))])
        }
        let files = names.filter { $0.hasSuffix(".xml") }.sorted().map { "flows/\($0)" }
        if files.isEmpty {
            return ([], [.error("No flow files: '\(directory)' contains no *.xml file.", at: .synthetic(directory))])
        }
        return (files, [])
    }

    private func muleConfigs(artifact: MuleArtifact?) -> (files: [String], diagnostics: [Diagnostic]) {
        if let listed = artifact?.configs {
            var files: [String] = []
            var diagnostics: [Diagnostic] = []
            for name in listed {
                // Packaging puts src/main/mule and src/main/resources at the same classpath root.
                let candidates = ["src/main/mule/\(name)", "src/main/resources/\(name)"]
                if let found = candidates.first(where: { FileManager.default.fileExists(atPath: layout.absolute($0)) }) {
                    files.append(found)
                } else {
                    diagnostics.append(.error("Config '\(name)' listed in \(MuleArtifact.fileName) was not found (looked in \(candidates.joined(separator: ", "))).",
                                              at: SourceLocation(file: MuleArtifact.fileName, line: 1, column: 1)))
                }
            }
            return (files, diagnostics)
        }
        let root = layout.absolute("src/main/mule")
        var files: [String] = []
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in walker where relative.hasSuffix(".xml") {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                files.append("src/main/mule/\(relative)")
            }
        }
        if files.isEmpty {
            return ([], [.error("No Mule configuration files: '\(root)' contains no *.xml file.", at: .synthetic(root))])
        }
        return (files.sorted(), [])
    }

    /// Parses one file; a parse error becomes a diagnostic. A file whose root is not Mule's
    /// `<mule>` is an error, or only a warning for a file found by scanning `src/main/mule`
    /// (Mule skips such files).
    func parse(_ file: String, skippingOtherXML: Bool = false) -> (LoadedDocument?, Diagnostic?) {
        let path = layout.absolute(file)
        do {
            let root = try XMLDocumentParser.parse(contentsOf: path, displayName: file)
            guard root.namespaceURI == Namespaces.core, root.localName == "mule" else {
                if skippingOtherXML {
                    return (nil, .warning("Skipped: the root element is <\(root.qualifiedName)>, not Mule's <mule>, so this is not a Mule configuration.",
                                          at: root.location))
                }
                return (nil, .error("The root element must be <mule> in namespace '\(Namespaces.core)', found <\(root.qualifiedName)>.",
                                    at: root.location))
            }
            return (LoadedDocument(file: file, root: root), nil)
        } catch {
            return (nil, error.diagnostic)
        }
    }

    /// The file an `<import file>` names, relative to the app directory: found on the classpath
    /// (a Mule project) or in the app directory and `flows/` (Conduit's layout).
    func importedFile(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.fileExists(atPath: name) ? name : nil }
        for candidate in importCandidates(name) where FileManager.default.fileExists(atPath: layout.absolute(candidate)) {
            return (candidate as NSString).standardizingPath
        }
        return nil
    }

    /// Where an imported `name` is looked for, in order.
    func importCandidates(_ name: String) -> [String] {
        switch layout.kind {
        case .conduit: [name, "flows/\(name)"]
        case .muleProject: ["src/main/mule/\(name)", "src/main/resources/\(name)", name]
        }
    }
}

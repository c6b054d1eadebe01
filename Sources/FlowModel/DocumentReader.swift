import Foundation
import FlowCore
import FlowXML

/// One parsed configuration file.
struct LoadedDocument {
    /// The path as shown to users, relative to the app directory (`flows/app.xml`).
    let file: String
    /// The `<mule>` root.
    let root: XMLElement
}

/// Finds and parses the app's XML files: `flows/*.xml` in name order, then what they `<import>`.
struct DocumentReader {
    let appDirectory: String

    /// `flows/*.xml`, sorted by name so that load order never depends on the file system.
    func flowFiles() -> (files: [String], diagnostics: [Diagnostic]) {
        let directory = (appDirectory as NSString).appendingPathComponent("flows")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return ([], [.error("No flows directory: expected Mule XML files in '\(directory)'.", at: .synthetic(directory))])
        }
        let files = names.filter { $0.hasSuffix(".xml") }.sorted().map { "flows/\($0)" }
        if files.isEmpty {
            return ([], [.error("No flow files: '\(directory)' contains no *.xml file.", at: .synthetic(directory))])
        }
        return (files, [])
    }

    /// Parses one file; a parse error becomes a diagnostic.
    func parse(_ file: String) -> (LoadedDocument?, Diagnostic?) {
        let path = (appDirectory as NSString).appendingPathComponent(file)
        do {
            let root = try XMLDocumentParser.parse(contentsOf: path, displayName: file)
            guard root.namespaceURI == Namespaces.core, root.localName == "mule" else {
                return (nil, .error("The root element must be <mule> in namespace '\(Namespaces.core)', found <\(root.qualifiedName)>.",
                                    at: root.location))
            }
            return (LoadedDocument(file: file, root: root), nil)
        } catch {
            return (nil, error.diagnostic)
        }
    }

    /// The file an `<import file>` names, relative to the app directory (or to `flows/`).
    func importedFile(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.fileExists(atPath: name) ? name : nil }
        for candidate in [name, "flows/\(name)"] {
            let path = (appDirectory as NSString).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: path) { return (candidate as NSString).standardizingPath }
        }
        return nil
    }
}

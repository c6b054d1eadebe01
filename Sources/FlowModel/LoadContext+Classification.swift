import FlowCore
import FlowXML

extension LoadContext {
    /// Finds the declaration of an element, reporting what is wrong when there is none: an unknown
    /// name in a known namespace (with a suggestion), a namespace Conduit does not implement, a
    /// known prefix bound to the wrong URI, or no namespace at all.
    func classify(_ element: XMLElement) -> (module: Vocabulary.Module, declaration: ElementDeclaration)? {
        guard let uri = element.namespaceURI else {
            error("Element <\(element.qualifiedName)> has no namespace; declare xmlns=\"\(Namespaces.core)\" on <mule>.", at: element.location)
            return nil
        }
        guard let module = vocabulary.modules[uri] else {
            if let prefix = element.prefix, let expected = vocabulary.module(withPrefix: prefix) {
                error("Prefix '\(prefix)' is bound to '\(uri)', but Conduit's \(prefix) namespace is '\(expected.uri)'.", at: element.location)
            } else {
                error("Element <\(element.qualifiedName)> is not supported: Conduit does not implement the namespace '\(uri)'.", at: element.location)
            }
            return nil
        }
        guard let declaration = module.elements[element.localName] else {
            if module.unimplementedElements.contains(element.localName) {
                let prefix = element.prefix.map { "\($0):" } ?? ""
                let implemented = module.elements.values.filter { $0.role != .nested }.map { "<\(prefix)\($0.name)>" }.sorted()
                error("Element <\(element.qualifiedName)> is not supported: Conduit implements \(implemented.joined(separator: ", ")) of this module.",
                      at: element.location)
                return nil
            }
            let hint = Suggestions.closest(to: element.localName, among: module.elements.keys)
                .map { " Did you mean <\(element.prefix.map { "\($0):" } ?? "")\($0)>?" } ?? ""
            error("Unknown element <\(element.qualifiedName)> in namespace '\(uri)'.\(hint)", at: element.location)
            return nil
        }
        return (module, declaration)
    }

    /// The declaration of an element when there is one, reporting nothing (for looking ahead at
    /// an element that is read, and reported, elsewhere).
    func peek(_ element: XMLElement) -> (module: Vocabulary.Module, declaration: ElementDeclaration)? {
        guard let uri = element.namespaceURI, let module = vocabulary.modules[uri],
              let declaration = module.elements[element.localName] else { return nil }
        return (module, declaration)
    }

    /// Whether `element` is the core element `name`.
    func isCore(_ element: XMLElement, _ name: String) -> Bool {
        element.namespaceURI == Namespaces.core && element.localName == name
    }

    /// Reports an element that is known but out of place.
    func misplaced(_ element: XMLElement, in parent: String) {
        error("Element <\(element.qualifiedName)> is not allowed inside \(parent).", at: element.location)
    }
}

import FlowCore
import FlowXML
import Foundation

/// Reads the `<tls:context>` of an `<http:listener-connection>` (Mule's TLS module).
///
/// Conduit reads PKCS12 key stores. Java's JKS and JCEKS formats, client-certificate checks
/// (`tls:trust-store` on a listener) and the protocol and cipher lists are reported, not ignored.
extension LoadContext {
    static let tlsContextDeclaration = ElementDeclaration("context", role: .nested, parameters: [
        ParameterDeclaration("name"),
    ], children: ["key-store"])

    static let keyStoreDeclaration = ElementDeclaration("key-store", role: .nested, parameters: [
        ParameterDeclaration("path", required: true),
        ParameterDeclaration("type"),
        ParameterDeclaration("password", secret: true),
        ParameterDeclaration("keyPassword", secret: true),
        ParameterDeclaration("alias"),
        ParameterDeclaration("algorithm"),
    ])

    /// Reads every top-level `<tls:context>` of `roots` into ``tlsContexts`` and registers its name.
    func readGlobalTLSContexts(of roots: [XMLElement]) {
        for root in roots {
            for element in root.children where Self.isTLSContext(element) {
                guard let name = element.attribute("name")?.value, !name.isEmpty else {
                    error("Element <\(element.qualifiedName)> at the top level is missing required parameter 'name'.", at: element.location)
                    continue
                }
                registerGlobal(name, stereotype: Self.tlsContextStereotype, at: element.location)
                let definition = readTLSContext(element, appDirectory: appDirectory)
                if tlsContexts[name] == nil { tlsContexts[name] = .some(definition) }
            }
        }
    }

    /// The stereotype a listener's `tlsContext` attribute refers to.
    static let tlsContextStereotype = "TLS:CONTEXT"

    /// Whether `element` is a `<tls:context>`.
    static func isTLSContext(_ element: XMLElement) -> Bool {
        element.namespaceURI == Namespaces.tls && element.localName == "context"
    }

    /// The TLS settings of `context`, or nil after reporting why they cannot be used.
    func readTLSContext(_ context: XMLElement, appDirectory: String) -> ListenerTLSDefinition? {
        _ = readParameters(of: context, declaration: Self.tlsContextDeclaration)
        var keyStore: XMLElement?
        for child in context.children {
            switch (child.namespaceURI, child.localName) {
            case (Namespaces.tls, "key-store"):
                if keyStore != nil { error("Element <\(child.qualifiedName)> may appear only once.", at: child.location) }
                keyStore = child
            case (Namespaces.tls, "trust-store"):
                error("<\(child.qualifiedName)> on a listener (checking client certificates) is not supported; Conduit's HTTPS listeners do not ask for client certificates.",
                      at: child.location)
            default:
                misplaced(child, in: displayName(context))
            }
        }
        guard let keyStore else {
            error("Element \(displayName(context)) is missing required child <tls:key-store>.", at: context.location)
            return nil
        }
        let parameters = readParameters(of: keyStore, declaration: Self.keyStoreDeclaration)
        rejectChildren(of: keyStore)
        // Mule's default type is the JVM's, JKS, which only Java reads.
        let type = parameters["type"]?.text.lowercased() ?? "jks"
        guard type == "pkcs12" else {
            error("Key store type '\(type)' is not supported: Conduit reads PKCS12 key stores. Set type=\"pkcs12\" on a PKCS12 file (convert a JKS store with: keytool -importkeystore -srckeystore keystore.jks -destkeystore keystore.p12 -deststoretype pkcs12).",
                  at: parameters["type"]?.valueLocation ?? keyStore.location)
            return nil
        }
        if let alias = parameters["alias"] {
            warning("Parameter 'alias' of <\(keyStore.qualifiedName)> is not used: Conduit serves the key store's one private key.", at: alias.location)
        }
        guard let pathParameter = parameters["path"] else { return nil }
        let path = AppDefinition.filePath(pathParameter.text, in: appDirectory)
        guard FileManager.default.isReadableFile(atPath: path) else {
            error("Key store '\(pathParameter.text)' cannot be read (looked for \(path)).", at: pathParameter.valueLocation)
            return nil
        }
        guard let password = parameters["password"]?.text else {
            error("Element <\(keyStore.qualifiedName)> is missing required parameter 'password' (a PKCS12 key store is always encrypted).",
                  at: keyStore.location)
            return nil
        }
        return ListenerTLSDefinition(keyStorePath: path, password: password, keyPassword: parameters["keyPassword"]?.text,
                                     location: keyStore.location)
    }
}

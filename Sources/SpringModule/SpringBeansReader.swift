import FlowCore
import FlowXML
import Foundation

/// Reads the beans files of one `spring:config` for what a security manager needs: each
/// `<ss:authentication-manager>` with the users of its `<ss:authentication-provider>`s, given
/// inline (`<ss:user-service>`) or by `user-service-ref` to a top-level `<ss:user-service>`.
///
/// Conduit runs no Java: every other bean is not created, which one warning per file says.
/// What would change who may log in (a `ref` to a custom provider, a JDBC or LDAP user service,
/// a `password-encoder` bean) is an error rather than silently ignored. Files are parsed like
/// flows (no DTD, no external entities), and attribute values have `${…}` resolved first.
final class SpringBeansReader {
    static let beansNamespace = "http://www.springframework.org/schema/beans"
    static let securityNamespace = "http://www.springframework.org/schema/security"

    let placeholders: SpringPlaceholders
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var managers: [AuthenticationManagerDefinition] = []
    /// Top-level `<ss:user-service id>`s, for `user-service-ref`.
    private var namedUserServices: [String: UserService] = [:]
    /// `user-service-ref`s seen, resolved once every file is read.
    private var pendingReferences: [(manager: Int, provider: Int, name: String, location: SourceLocation)] = []
    private var pendingManagers: [(names: [String], services: [UserService?], location: SourceLocation)] = []

    init(placeholders: SpringPlaceholders) {
        self.placeholders = placeholders
    }

    /// Reads the beans document `root`.
    func read(_ root: XMLElement) {
        guard root.namespaceURI == Self.beansNamespace, root.localName == "beans" else {
            error("This is not a Spring beans file: its root element is <\(root.qualifiedName)>, expected <beans> of \(Self.beansNamespace).", at: root.location)
            return
        }
        var ignored: [XMLElement] = []
        readBeans(root, ignored: &ignored)
        if let first = ignored.first {
            let names = Set(ignored.map { "<\($0.qualifiedName)>" }).sorted().joined(separator: ", ")
            diagnostics.append(.warning("Not created: \(names) in this file (Conduit runs no Java; of a beans file it reads <ss:authentication-manager> and <ss:user-service> only).",
                                        at: first.location))
        }
    }

    private func readBeans(_ beans: XMLElement, ignored: inout [XMLElement]) {
        for element in beans.children {
            switch (element.namespaceURI, element.localName) {
            case (Self.securityNamespace, "authentication-manager"): readManager(element)
            case (Self.securityNamespace, "user-service"):
                let service = readUserService(element)
                if let id = attribute(element, "id") { namedUserServices[id] = service }
            case (Self.beansNamespace, "beans"): readBeans(element, ignored: &ignored)  // a profile's nested beans
            default: ignored.append(element)
            }
        }
    }

    private func readManager(_ element: XMLElement) {
        let names = [attribute(element, "id"), attribute(element, "alias")].compactMap { $0 }
        if names.isEmpty {
            diagnostics.append(.warning("<\(element.qualifiedName)> has neither id nor alias, so no delegate-ref can name it.", at: element.location))
        }
        var services: [UserService?] = []
        let index = pendingManagers.count
        for provider in element.children {
            guard provider.namespaceURI == Self.securityNamespace, provider.localName == "authentication-provider" else {
                unsupported(provider, in: element)
                continue
            }
            if let ref = provider.attribute("ref") {
                error("<\(provider.qualifiedName) ref=\"\(ref.value)\"> names a Java bean, which Conduit cannot run: give the provider an <ss:user-service>.", at: ref.location)
                continue
            }
            var service: UserService?
            if let ref = provider.attribute("user-service-ref") {
                pendingReferences.append((index, services.count, placeholders.resolve(ref.value, at: ref.valueLocation, warn: warn), ref.valueLocation))
                service = UserService()
            }
            for child in provider.children {
                switch (child.namespaceURI, child.localName) {
                case (Self.securityNamespace, "user-service"): service = readUserService(child)
                default: unsupported(child, in: provider)
                }
            }
            if service == nil {
                error("<\(provider.qualifiedName)> has no <ss:user-service> and no user-service-ref: Conduit reads users from one.", at: provider.location)
            }
            services.append(service)
        }
        pendingManagers.append((names, services, element.location))
    }

    private func readUserService(_ element: XMLElement) -> UserService {
        var service = UserService()
        if let properties = element.attribute("properties") {
            error("<\(element.qualifiedName) properties=…> is not supported: list the users as <ss:user> elements.", at: properties.location)
        }
        for child in element.children {
            guard child.namespaceURI == Self.securityNamespace, child.localName == "user" else {
                unsupported(child, in: element)
                continue
            }
            if let user = readUser(child) { service.add(user) }
        }
        return service
    }

    private func readUser(_ element: XMLElement) -> SpringUser? {
        guard let name = attribute(element, "name") else {
            error("<\(element.qualifiedName)> is missing required attribute 'name'.", at: element.location)
            return nil
        }
        guard let passwordAttribute = element.attribute("password") else {
            error("<\(element.qualifiedName)> '\(name)' is missing required attribute 'password'.", at: element.location)
            return nil
        }
        let stored = placeholders.resolve(passwordAttribute.value, at: passwordAttribute.valueLocation, warn: warn)
        let password: PasswordEncoding
        do {
            password = try PasswordEncoding(stored, user: name)
        } catch {
            self.error(error.message, at: passwordAttribute.valueLocation)
            return nil
        }
        let authorities = (attribute(element, "authorities") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let usable = attribute(element, "disabled") != "true" && attribute(element, "locked") != "true"
        return SpringUser(name: name, password: password, authorities: authorities, isUsable: usable)
    }

    /// Resolves `user-service-ref`s against the top-level user services of every file read, and
    /// returns the managers.
    func finish() -> [AuthenticationManagerDefinition] {
        for reference in pendingReferences {
            if let service = namedUserServices[reference.name] {
                pendingManagers[reference.manager].services[reference.provider] = service
            } else {
                let known = namedUserServices.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                error("No bean named '\(reference.name)' available: user-service-ref must name a top-level <ss:user-service id> (declared: \(known.isEmpty ? "none" : known)).",
                      at: reference.location)
            }
        }
        managers = pendingManagers.map { AuthenticationManagerDefinition(names: $0.names, userServices: $0.services.compactMap { $0 }, location: $0.location) }
        return managers
    }

    /// The value of attribute `name` with placeholders resolved; nil when absent.
    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        guard let found = element.attribute(name) else { return nil }
        return placeholders.resolve(found.value, at: found.valueLocation, warn: warn)
    }

    private func unsupported(_ element: XMLElement, in parent: XMLElement) {
        error("<\(element.qualifiedName)> inside <\(parent.qualifiedName)> is not supported: Conduit authenticates against <ss:user-service> users with {noop} or {bcrypt} passwords.",
              at: element.location)
    }

    private func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    private func warn(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}

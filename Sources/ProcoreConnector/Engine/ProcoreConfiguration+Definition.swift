import ConnectorSupport
import Foundation
import FlowCore
import FlowEngine
import FlowModel

extension ProcoreConfiguration {
    /// Builds the typed configuration a `<procore:config>` element describes; every problem is
    /// reported with where it was written. Secrets never appear in the diagnostics.
    ///
    /// A relative `tokenStore` (and the default one) is taken from `appDirectory`, so that where
    /// tokens live does not depend on the directory `conduit` was started in.
    static func from(_ definition: ComponentDefinition, appDirectory: String) throws(DiagnosticList) -> ProcoreConfiguration {
        var problems: [Diagnostic] = []
        let name = definition.parameters["name"]?.text ?? "procore"
        guard let connection = definition.child("connection") else {
            throw DiagnosticList([.error("Element <procore:config> is missing required child <procore:connection>.", at: definition.location)])
        }
        func text(_ component: ComponentDefinition?, _ key: String) -> String? { component?.parameters[key]?.text }
        func milliseconds(_ key: String) -> Duration? {
            guard let parameter = connection.parameters[key] else { return nil }
            guard let value = Int(parameter.text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                problems.append(.error("Parameter '\(key)' of <procore:connection> must be a number of milliseconds, got '\(parameter.text)'.",
                                       at: parameter.valueLocation))
                return nil
            }
            return .milliseconds(value)
        }

        let authorizationCode = connection.child("oauth-authorization-code")
        let clientCredentials = connection.child("client-credentials")
        let credentials: ComponentDefinition
        let grant: ProcoreGrant
        switch (authorizationCode, clientCredentials) {
        case (let code?, nil):
            guard let callback = connection.child("oauth-callback-config") else {
                throw DiagnosticList([.error("Element <procore:connection> with <procore:oauth-authorization-code> is missing required child <procore:oauth-callback-config>.",
                                             at: connection.location)])
            }
            credentials = code
            let protection = authorizeProtection(callback, &problems)
            let anonymousOwner = callback.parameters["allowAnonymousResourceOwnerId"]
            grant = .authorizationCode(AuthorizationCodeSettings(
                listenerConfig: text(callback, "listenerConfig") ?? "",
                callbackPath: text(callback, "callbackPath") ?? "/callback",
                authorizePath: text(callback, "authorizePath") ?? "/authorize",
                externalCallbackUrl: text(callback, "externalCallbackUrl"),
                authorizationUrl: text(code, "authorizationUrl"),
                accessTokenUrl: text(code, "accessTokenUrl"),
                scopes: text(code, "scopes"),
                resourceOwnerId: text(code, "resourceOwnerId"),
                protection: protection,
                allowAnonymousResourceOwnerId: anonymousOwner?.text.trimmingCharacters(in: .whitespaces) == "true"))
        case (nil, let service?):
            credentials = service
            grant = .clientCredentials(ClientCredentialsSettings(accessTokenUrl: text(service, "accessTokenUrl"), scopes: text(service, "scopes")))
        case (.some, .some):
            throw DiagnosticList([.error("Element <procore:connection> takes either <procore:oauth-authorization-code> or <procore:client-credentials>, not both.",
                                         at: connection.location)])
        case (nil, nil):
            throw DiagnosticList([.error("Element <procore:connection> needs <procore:oauth-authorization-code> or <procore:client-credentials>.",
                                         at: connection.location)])
        }

        var retry = RetryPolicy()
        if let parameter = connection.parameters["maxRetries"] {
            if let value = Int(parameter.text), value >= 0 { retry.maxRetries = value } else {
                problems.append(.error("Parameter 'maxRetries' of <procore:connection> must be 0 or more, got '\(parameter.text)'.", at: parameter.valueLocation))
            }
        }
        if let delay = milliseconds("retryBaseDelay") { retry.baseDelay = delay }
        if let deadline = milliseconds("retryDeadline") { retry.deadline = deadline }
        let configuration = ProcoreConfiguration(
            name: name,
            baseUrl: text(connection, "baseUrl") ?? ProcoreConfiguration.defaultBaseUrl,
            loginUrl: text(connection, "loginUrl") ?? ProcoreConfiguration.defaultLoginUrl,
            consumerKey: text(credentials, "consumerKey") ?? "",
            consumerSecret: text(credentials, "consumerSecret") ?? "",
            grant: grant,
            connectTimeout: milliseconds("connectionTimeout") ?? .seconds(10),
            responseTimeout: milliseconds("responseTimeout") ?? .seconds(30),
            retry: retry,
            tokenStorePath: AppDefinition.filePath(text(connection, "tokenStore").flatMap { $0.isEmpty ? nil : $0 }
                                                   ?? ProcoreConfiguration.defaultTokenStorePath(for: name), in: appDirectory))
        for key in ["baseUrl", "loginUrl"] {
            if let parameter = connection.parameters[key], !(parameter.text.hasPrefix("http://") || parameter.text.hasPrefix("https://")) {
                problems.append(.error("Parameter '\(key)' of <procore:connection> must be an http:// or https:// URL, got '\(parameter.text)'.",
                                       at: parameter.valueLocation))
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return configuration
    }

    /// The authorize path's protection from `oauth-callback-config`: `authorizeAllowedAddresses`
    /// (addresses and CIDR ranges, comma-separated) and `authorizeUsername`/`authorizePassword`
    /// (HTTP Basic), each reported when unusable. The password never appears in a diagnostic.
    private static func authorizeProtection(_ callback: ComponentDefinition, _ problems: inout [Diagnostic]) -> AuthorizePathProtection {
        var protection = AuthorizePathProtection()
        if let addresses = callback.parameters["authorizeAllowedAddresses"] {
            let parsed = ClientAddressRange.list(addresses.text)
            for entry in parsed.invalid {
                problems.append(.error("Parameter 'authorizeAllowedAddresses' of <procore:oauth-callback-config> must list IP addresses or CIDR ranges (127.0.0.1, 10.0.0.0/8, ::1), got '\(entry)'.",
                                       at: addresses.valueLocation))
            }
            if parsed.ranges.isEmpty && parsed.invalid.isEmpty {
                problems.append(.error("Parameter 'authorizeAllowedAddresses' of <procore:oauth-callback-config> is empty; leave it out to allow any address.",
                                       at: addresses.valueLocation))
            }
            protection.allowedAddresses = parsed.ranges
        }
        let username = callback.parameters["authorizeUsername"]
        let password = callback.parameters["authorizePassword"]
        switch (username, password) {
        case (let user?, let secret?):
            if user.text.isEmpty || user.text.contains(":") {
                problems.append(.error("Parameter 'authorizeUsername' of <procore:oauth-callback-config> must be a non-empty name without ':'.",
                                       at: user.valueLocation))
            }
            if secret.text.isEmpty {
                problems.append(.error("Parameter 'authorizePassword' of <procore:oauth-callback-config> must not be empty.", at: secret.valueLocation))
            }
            protection.username = user.text
            protection.password = secret.text
        case (let user?, nil):
            problems.append(.error("Parameter 'authorizeUsername' of <procore:oauth-callback-config> needs 'authorizePassword' too.", at: user.valueLocation))
        case (nil, let secret?):
            problems.append(.error("Parameter 'authorizePassword' of <procore:oauth-callback-config> needs 'authorizeUsername' too.", at: secret.valueLocation))
        case (nil, nil):
            break
        }
        return protection
    }
}

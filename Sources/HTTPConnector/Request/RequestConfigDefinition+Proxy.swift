import AsyncHTTPClient
import FlowCore
import FlowModel

extension RequestConfigDefinition {
    /// The HTTP proxy an `<http:proxy-config>` names, with basic credentials when it has a
    /// `username`; nil without an `<http:proxy>` or with a port that is not a literal port.
    /// What Conduit cannot honour (`nonProxyHosts`, `<http:ntlm-proxy>`) goes to `problems`.
    static func proxyServer(_ proxyConfig: ComponentDefinition, problems: inout [Diagnostic]) -> HTTPClient.Configuration.Proxy? {
        for unsupported in proxyConfig.children("ntlm-proxy") {
            problems.append(.error("<http:ntlm-proxy> is not supported: Conduit's requests go through an HTTP proxy (<http:proxy>) with basic credentials only.",
                                   at: unsupported.location))
        }
        guard let element = proxyConfig.child("proxy") else { return nil }
        let parameters = element.parameters
        if let nonProxyHosts = parameters["nonProxyHosts"] {
            problems.append(.error("Parameter 'nonProxyHosts' of <http:proxy> is not supported: every request of the config goes through the proxy; give hosts that must not use it a config without <http:proxy-config>.",
                                   at: nonProxyHosts.location))
        }
        // `port` is required, so the loader reported it when missing.
        guard let portParameter = parameters["port"] else { return nil }
        guard let port = portParameter.value.literalInt, (1...65535).contains(port) else {
            problems.append(.error("Parameter 'port' of <http:proxy> must be a port number from 1 to 65535, got '\(portParameter.text)'.",
                                   at: portParameter.valueLocation))
            return nil
        }
        let authorization = parameters["username"].map { username in
            HTTPClient.Authorization.basic(username: username.text, password: parameters["password"]?.text ?? "")
        }
        return .server(host: parameters["host"]?.text ?? "", port: port, authorization: authorization)
    }
}

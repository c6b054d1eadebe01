import FlowCore
import FlowEngine
import FlowModel
import Logging

/// `<http:basic-security-filter>`: authenticates the listener request's `Authorization: Basic`
/// header against the app's security providers, as Mule's `HttpBasicAuthenticationFilter`.
///
/// A missing header, one that does not decode, or credentials no provider accepts raise
/// `HTTP:BASIC_AUTHENTICATION` (another scheme `HTTP:SERVER_SECURITY`), with Mule's
/// descriptions; each carries the 401 challenge the listener answers with. Neither the password
/// nor the header ever reaches a message or log line.
struct BasicSecurityFilter: SecurityFilter {
    /// `realm`, sent back in the `WWW-Authenticate` challenge.
    let realm: String?
    /// The providers asked, in order: those `securityProviders` names, else all of the app's.
    let providers: [any SecurityProvider]
    /// `attributes` when written (default `#[attributes]`): the listener request's attributes.
    let attributes: ParameterValue?

    static let basicAuthentication = ErrorTypeName(namespace: "HTTP", identifier: "BASIC_AUTHENTICATION")
    static let serverSecurity = ErrorTypeName(namespace: "HTTP", identifier: "SERVER_SECURITY")

    func filter(_ input: OperationInput) async throws(ConnectorError) -> Authentication? {
        let requestAttributes = try attributes.map { parameter throws(ConnectorError) in try input.evaluate(parameter) } ?? input.message.attributes
        guard case .string(let header) = requestAttributes.objectValue?["headers"]?.objectValue?["authorization"] else {
            throw refusal(Self.basicAuthentication,
                          "Registered authentication is set to HTTP basic authentication but there was no security context on the session. Authentication denied on connector HTTP listener")
        }
        let credentials: BasicCredentials
        do {
            credentials = try BasicCredentials(header: header)
        } catch .otherScheme {
            throw refusal(Self.serverSecurity,
                          "Http Basic filter doesn't know how to handle the Authorization header: it does not start with 'Basic ' (the header is never shown)")
        } catch {
            throw refusal(Self.basicAuthentication, "Could not decode authorization header.")
        }
        for provider in providers {
            if let authentication = await provider.authenticate(username: credentials.username, password: credentials.password) {
                input.logger.debug("Authentication success.")
                return authentication
            }
        }
        input.logger.debug("Authentication request for user: \(credentials.username) failed")
        throw refusal(Self.basicAuthentication, "Authentication failed for principal \(credentials.username)")
    }

    private func refusal(_ type: ErrorTypeName, _ message: String) -> ConnectorError {
        ConnectorError(type: type, message: message, errorMessage: UnauthenticatedResponse.message(realm: realm))
    }
}

import FlowCore
import FlowEngine
import Logging

/// `<spring:authorization-filter requiredAuthorities="ROLE_A, ROLE_B">`: the event goes on when
/// the user a security filter authenticated before holds at least one of the authorities, as
/// Mule's Spring `AuthorizationFilter`.
///
/// No authentication is `MULE:SERVER_SECURITY` ("No credentials set"); a user without any of
/// them `MULE:NOT_PERMITTED`, logged at INFO with what was required and found. Neither carries
/// a listener response, so an HTTP listener answers 500 unless its `http:error-response` says
/// otherwise, as in Mule.
struct AuthorizationFilter: SecurityFilter {
    let requiredAuthorities: Set<String>
    let logger: Logger

    static let serverSecurity = ErrorTypeName(namespace: "MULE", identifier: "SERVER_SECURITY")
    static let notPermitted = ErrorTypeName(namespace: "MULE", identifier: "NOT_PERMITTED")

    func filter(_ input: OperationInput) async throws(ConnectorError) -> Authentication? {
        guard let authentication = input.authentication else {
            throw ConnectorError(type: Self.serverSecurity, message: "No credentials set")
        }
        guard authentication.authorities.contains(where: requiredAuthorities.contains) else {
            logger.info("Could not find required authorities for \(authentication.principal). Required authorities: [\(requiredAuthorities.sorted().joined(separator: ", "))]. Authorities found: [\(authentication.authorities.joined(separator: ", "))].")
            throw ConnectorError(type: Self.notPermitted,
                                 message: "Could not find required GrantedAuthority for principal \"\(authentication.principal)\". Access denied")
        }
        return authentication
    }
}

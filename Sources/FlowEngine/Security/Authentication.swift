import FlowCore

/// Who sent the event, once a security filter has checked it (`http:basic-security-filter`):
/// what Mule keeps in the event's security context and shows expressions as `authentication`.
///
/// Holds no credential: the password a filter checked is dropped once checked, so no expression,
/// log line or error can show it. A class, so that it takes one reference in every event that
/// carries it.
public final class Authentication: Sendable {
    /// The authenticated user's name (`authentication.principal`).
    public let principal: String
    /// What the user may do (Spring's granted authorities, such as `ROLE_ADMIN`), for
    /// authorization filters.
    public let authorities: [String]
    /// The provider's properties (`spring:security-property`), `authentication.properties`.
    public let properties: ValueObject
    /// The security provider that vouched for the user.
    public let provider: String

    /// Creates an authentication.
    public init(principal: String, authorities: [String] = [], properties: ValueObject = ValueObject(), provider: String) {
        self.principal = principal
        self.authorities = authorities
        self.properties = properties
        self.provider = provider
        value = .object(ValueObject([("principal", .string(principal)), ("credentials", .null), ("properties", .object(properties))]))
    }

    /// The shape expressions see: `principal`, `credentials` (always null: Conduit keeps no
    /// password) and `properties`, as Mule's `authentication` binding. Built once: every
    /// expression of an authenticated event is handed it.
    public let value: Value
}

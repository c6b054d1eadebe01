/// The namespace URIs Conduit understands, as Mule spells them.
public enum Namespaces {
    /// Core elements: `flow`, `logger`, `choice`…
    public static let core = "http://www.mulesoft.org/schema/mule/core"
    /// Mule Enterprise's core module: `ee:transform`, which runs DataWeave scripts.
    public static let ee = "http://www.mulesoft.org/schema/mule/ee/core"
    /// The secure configuration properties module.
    public static let secureProperties = "http://www.mulesoft.org/schema/mule/secure-properties"
    /// Mule Enterprise's business events (`tracking:enable-default-events`): its attributes only
    /// feed Anypoint Monitoring, so they are accepted and ignored; its elements stay unsupported.
    public static let tracking = "http://www.mulesoft.org/schema/mule/ee/tracking"
    /// Studio metadata (`doc:name`, `doc:id`), ignored.
    public static let documentation = "http://www.mulesoft.org/schema/mule/documentation"
    /// XML Schema instance (`xsi:schemaLocation`), ignored.
    public static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}

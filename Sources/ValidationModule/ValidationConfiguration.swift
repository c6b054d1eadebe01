import FlowEngine

/// A `<validation:config>`: accepted so that `config-ref` resolves; it holds nothing, since
/// Conduit's only message bundle is Mule's default English one.
struct ValidationConfiguration: ConnectorConfiguration {
    let name: String
}

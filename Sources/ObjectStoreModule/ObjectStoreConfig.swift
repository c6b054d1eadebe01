import FlowEngine

/// An `<os:config>`: in Mule it hands operations the runtime's object store manager; Conduit has
/// one store manager per app, so the configuration only needs to exist for `config-ref`s.
struct ObjectStoreConfig: ConnectorConfiguration {
    let name: String
}

import ConnectorSupport
import FlowEngine

extension ConnectorBuildContext {
    /// Where `configuration` keeps its tokens: the executable's ``TokenStorageKey`` factory when
    /// it set one, else the config's token store file (`tokenStore`).
    func tokenStorage(for configuration: ProcoreConfiguration) -> any TokenStorage {
        services.tokenStorage(configName: configuration.name, defaultPath: configuration.tokenStorePath)
    }
}

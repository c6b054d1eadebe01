import FlowEngine

/// The ``ServiceRegistry`` key of the token storage factory: set it in `RuntimeOptions.services`
/// to keep every OAuth connector's tokens somewhere other than their default files.
public enum TokenStorageKey: ServiceKey {
    /// The factory that makes each configuration's storage.
    public typealias Value = TokenStorageFactory
}

/// Makes the ``TokenStorage`` of one connector configuration.
public struct TokenStorageFactory: Sendable {
    private let make: @Sendable (_ configName: String, _ defaultPath: String) -> any TokenStorage

    /// A factory calling `make` with the configuration's name and the file path the connector
    /// would use by default (its `tokenStore` setting, resolved), which a file-based factory may keep.
    public init(_ make: @escaping @Sendable (_ configName: String, _ defaultPath: String) -> any TokenStorage) {
        self.make = make
    }

    /// The storage for the configuration `configName`, whose default file is `defaultPath`.
    public func makeStorage(configName: String, defaultPath: String) -> any TokenStorage {
        make(configName, defaultPath)
    }

    /// The default: a ``FileTokenStorage`` at the configuration's own path.
    public static let file = TokenStorageFactory { configName, path in
        FileTokenStorage(path: path, configName: configName)
    }
}

extension ServiceRegistry {
    /// The storage for the configuration `configName`: from the registered ``TokenStorageKey``
    /// factory, else a ``FileTokenStorage`` at `defaultPath`.
    public func tokenStorage(configName: String, defaultPath: String) -> any TokenStorage {
        (self[TokenStorageKey.self] ?? .file).makeStorage(configName: configName, defaultPath: defaultPath)
    }
}

import ArgumentParser
import ClusterStore
import ConnectorSupport
import Foundation
import Logging

/// `conduit run`'s cluster settings: where the shared PostgreSQL database is and this node's
/// name. Outside the app, like Mule's cluster settings, so one app runs alone or clustered.
struct ClusterOptions: ParsableArguments {
    /// The environment variable that turns cluster mode on when `--cluster-store` is not given.
    static let storeVariable = "CONDUIT_CLUSTER_STORE"
    /// The environment variable naming the node when `--node-id` is not given.
    static let nodeVariable = "CONDUIT_NODE_ID"

    @Option(name: .customLong("cluster-store"), help: ArgumentHelp("Run as one node of a cluster sharing OAuth tokens and logins in this PostgreSQL database (postgres://user:password@host:5432/database; prefer \(storeVariable), which keeps the password out of the process list).", valueName: "url"))
    var clusterStore: String?

    @Option(name: .customLong("node-id"), help: ArgumentHelp("This node's name in the cluster store (default: \(nodeVariable), else the host name).", valueName: "name"))
    var nodeId: String?

    /// The cluster this node joins, nil when no store is configured; why it cannot, otherwise.
    func resolve(environment: [String: String]) throws(ClusterSetupError) -> ClusterMode? {
        guard let text = clusterStore ?? environment[Self.storeVariable], !text.isEmpty else {
            if nodeId != nil { throw ClusterSetupError("--node-id needs a cluster store (--cluster-store or \(Self.storeVariable))") }
            return nil
        }
        let url: ClusterStoreURL
        do { url = try ClusterStoreURL(text) } catch { throw ClusterSetupError(error.description) }
        let key: StoreKey
        do { key = try StoreKey.fromEnvironment(environment) } catch { throw ClusterSetupError(error.description) }
        let node = nodeId ?? environment[Self.nodeVariable].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.hostName
        var logger = Logger(label: "conduit.cluster")
        logger.logLevel = .info
        return ClusterMode(database: ClusterDatabase(url: url, nodeId: node, logger: logger), key: key)
    }
}

/// A node's cluster: the database and the key sealing tokens in it.
struct ClusterMode: Sendable {
    let database: ClusterDatabase
    let key: StoreKey

    /// Every OAuth configuration's tokens in the cluster store instead of its file.
    var tokenStorage: TokenStorageFactory {
        TokenStorageFactory { [database, key] configName, _ in
            ClusterTokenStorage(database: database, configName: configName, key: key)
        }
    }
}

/// Cluster mode cannot start; says why (never the password or the key).
struct ClusterSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

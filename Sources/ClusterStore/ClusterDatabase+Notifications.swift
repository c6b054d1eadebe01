import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Synchronization

extension ClusterDatabase {
    /// The one channel every node listens on; notifications name their topic inside.
    public static let notificationChannel = "conduit_cluster"

    /// Calls `handler` with every notification of `topic` from any node (this one included),
    /// and with nil when some may have been missed (the listening connection was lost and is
    /// back, or has just started): then the observer treats everything it cached as changed.
    public func observe(_ topic: String, _ handler: @escaping @Sendable (ClusterNotification?) -> Void) {
        observers.withLock { $0.add(topic, handler) }
    }

    /// Sends `notification` to every node when the transaction `connection` is in commits.
    public func notify(_ notification: ClusterNotification, on connection: PostgresConnection) async throws {
        let payload = String(decoding: try JSONEncoder().encode(notification), as: UTF8.self)
        try await connection.checkedQuery("SELECT pg_notify(\(Self.notificationChannel), \(payload))", logger: logger)
    }

    /// Keeps one connection listening on ``notificationChannel`` until cancelled, reconnecting
    /// every second while the database is away; each new LISTEN tells every observer that
    /// notifications may have been missed.
    func listenForNotifications() async {
        var lost = false
        while !Task.isCancelled {
            do {
                let connection = try await connectDirectly(applicationName: "conduit notifications (\(nodeId))")
                let ended: (any Error)?
                do {
                    try await withTaskCancellationHandler {
                        try await connection.listen(on: Self.notificationChannel) { notifications in
                            if lost { logger.debug("Cluster store '\(url)': listening for notifications again") }
                            deliver(nil)
                            for try await notification in notifications {
                                deliver(try? JSONDecoder().decode(ClusterNotification.self, from: Data(notification.payload.utf8)))
                            }
                        }
                    } onCancel: {
                        let _: EventLoopFuture<Void> = connection.close()
                    }
                    ended = nil
                } catch {
                    ended = error
                }
                try? await connection.close()
                if let ended { throw ended }
            } catch {
                if Task.isCancelled { return }
                if !lost { logger.debug("Cluster store '\(url)': notifications interrupted: \(ClusterStoreError.reason(of: error))") }
            }
            lost = true
            try? await Task.sleep(for: .seconds(1), clock: SuspendingClock())
        }
    }

    private func deliver(_ notification: ClusterNotification?) {
        let handlers = observers.withLock { $0.handlers(for: notification?.topic) }
        for handler in handlers { handler(notification) }
    }

    static func connectionTLS(_ mode: ClusterStoreURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// postgres-nio's own lines (connection attempts during an outage) would repeat what the
    /// checks already say once.
    static let quietLogger = Logger(label: "conduit.cluster.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
}

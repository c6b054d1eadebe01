import Hummingbird
import NIOCore

/// Hummingbird's per-request context, keeping the connection's channel so that a fault can
/// drop the connection without answering.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

import FlowCore
import FlowFormats
import FlowModel
import Foundation
import Logging

/// A source's `<redelivery-policy>`: counts the failed deliveries of each message (by
/// `idExpression`, else a digest of the payload) and, once a message has failed more than
/// `maxRedeliveryCount` times, raises `MULE:REDELIVERY_EXHAUSTED` into the flow's error handler
/// instead of running the flow (Mule's `IdempotentRedeliveryPolicy`).
///
/// A delivery whose flow fails (its error handler propagates) adds one to the message's count; one
/// that succeeds resets it; an exhausted one changes nothing, so the message stays exhausted
/// until its entry expires from the store (5 minutes in the default store). Deliveries of one
/// message run one after the other, as under Mule's lock.
final class RedeliveryPolicy: Sendable {
    /// How a message is identified.
    enum Identity {
        case expression(ParameterValue)
        case digest(MessageDigest)
    }

    let maxRedeliveryCount: Int
    let identity: Identity
    let store: ObjectStore
    let element: ElementReference
    let logger: Logger
    private let lock = KeyedLock()

    init(maxRedeliveryCount: Int, identity: Identity, store: ObjectStore, element: ElementReference, logger: Logger) {
        self.maxRedeliveryCount = maxRedeliveryCount
        self.identity = identity
        self.store = store
        self.element = element
        self.logger = logger
    }

    /// Runs `event` through `flow` under the policy.
    func run(_ flow: Flow, _ event: Event, _ context: ExecutionContext) async -> FlowOutcome {
        let id: String
        do {
            id = try self.id(of: event, context)
        } catch {
            return await handle(error, flow, context)
        }
        return await lock.withLock(id) {
            let count: Int?
            do {
                count = try await self.store.retrieve(id).flatMap(Self.count)
            } catch {
                // The count cannot be kept: the message is processed unmetered rather than refused.
                self.logger.error("Redelivery count of message '\(id)' unavailable: \(error)",
                                  metadata: [LogMetadataKeys.correlationId: .string(event.correlationId)])
                return await Self.execute(flow, event, context)
            }
            if let count, count > self.maxRedeliveryCount {
                let last = (try? await self.store.retrieve(id))?["lastError"]?.stringValue ?? "UNKNOWN"
                let failure = context.failure(context.runtime.coreErrors.redeliveryExhausted,
                                              "Maximum redelivery attempts reached. Last error was \(last).", at: self.element, event: event)
                return await self.handle(failure, flow, context)
            }
            let outcome = await Self.execute(flow, event, context)
            do {
                switch outcome {
                case .success:
                    if count != nil { try await self.store.store(Self.record(count: 0, lastError: nil), forKey: id) }
                case .failure(let failure):
                    try await self.store.store(Self.record(count: (count ?? 0) + 1, lastError: failure.error.type.description), forKey: id)
                }
            } catch {
                self.logger.error("Redelivery count of message '\(id)' not saved: \(error)",
                                  metadata: [LogMetadataKeys.correlationId: .string(event.correlationId)])
            }
            return outcome
        }
    }

    private func id(of event: Event, _ context: ExecutionContext) throws(FlowFailure) -> String {
        switch identity {
        case .expression(let expression):
            return ValueText.render(try context.evaluate(expression, event, at: element))
        case .digest(let digest):
            return digest.hex(event.payload.identifyingBytes)
        }
    }

    private static func execute(_ flow: Flow, _ event: Event, _ context: ExecutionContext) async -> FlowOutcome {
        do { return .success(try await flow.executeForSource(event, context)) } catch { return .failure(error) }
    }

    /// The flow's error handler for a failure raised before the flow ran.
    private func handle(_ failure: FlowFailure, _ flow: Flow, _ context: ExecutionContext) async -> FlowOutcome {
        do { return .success(try await flow.handleSourceFailure(failure, context)) } catch { return .failure(error) }
    }

    private static func count(_ record: Value) -> Int? {
        if case .int(let count)? = record["count"] { return Int(count) }
        return nil
    }

    private static func record(count: Int, lastError: String?) -> Value {
        .object(ValueObject([("count", .int(Int64(count))), ("lastError", lastError.map(Value.string) ?? .null)]))
    }
}

import FlowCore
import Foundation

/// First responses by `Idempotency-Token`, so that a retried POST or PATCH gets the same answer
/// and never creates a second project. Tokens are scoped to the OAuth app and kept for a day.
struct IdempotencyCache: Sendable {
    static let retention: TimeInterval = 86_400
    /// How often expired entries are dropped. Lookups ignore expired entries anyway; dropping
    /// them on every store copied the whole cache per request, so creates slowed as it grew.
    static let purgeInterval: TimeInterval = 60

    private struct Entry: Sendable {
        let storedAt: Date
        let response: SandboxResponse
    }

    private var entries: [String: Entry] = [:]
    private var lastPurge = Date.distantPast

    /// How many entries are held, expired ones not yet purged included.
    var count: Int { entries.count }

    static func key(clientID: String, token: String) -> String { "\(clientID)\u{0}\(token)" }

    func response(for key: String, now: Date) -> SandboxResponse? {
        guard let entry = entries[key], now.timeIntervalSince(entry.storedAt) < Self.retention else { return nil }
        return entry.response
    }

    mutating func store(_ response: SandboxResponse, for key: String, now: Date) {
        if abs(now.timeIntervalSince(lastPurge)) >= Self.purgeInterval {
            entries = entries.filter { now.timeIntervalSince($0.value.storedAt) < Self.retention }
            lastPurge = now
        }
        entries[key] = Entry(storedAt: now, response: response)
    }

    init() {}

    var persisted: Value {
        .array(entries.sorted { $0.key < $1.key }.map { key, entry in
            .object(ValueObject([
                ("key", .string(key)), ("stored_at", .int(Int64(entry.storedAt.timeIntervalSince1970))),
                ("status", .int(Int64(entry.response.status))),
                ("headers", .array(entry.response.headers.map { .array([.string($0.name), .string($0.value)]) })),
                ("body", .string(String(decoding: entry.response.body, as: UTF8.self))),
            ]))
        })
    }

    /// Entries read back from ``persisted``; entries that do not read are skipped.
    init(persisted value: Value) {
        for element in value.arrayValue ?? [] {
            guard let key = element["key"]?.stringValue,
                let storedAt = element["stored_at"].flatMap(ValueCoercion.integer),
                let status = element["status"].flatMap(ValueCoercion.integer),
                let body = element["body"]?.stringValue
            else { continue }
            let headers = (element["headers"]?.arrayValue ?? []).compactMap { pair -> (name: String, value: String)? in
                guard let parts = pair.arrayValue, parts.count == 2, let name = parts[0].stringValue,
                    let value = parts[1].stringValue
                else { return nil }
                return (name, value)
            }
            entries[key] = Entry(
                storedAt: Date(timeIntervalSince1970: TimeInterval(storedAt)),
                response: SandboxResponse(status: Int(status), headers: headers, body: Array(body.utf8)))
        }
    }
}

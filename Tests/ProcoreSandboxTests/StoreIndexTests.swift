import FlowCore
import Foundation
@testable import ProcoreSandbox
import Testing

/// The bookkeeping that keeps a create's cost flat as the sandbox fills up: the per-company
/// template index and the idempotency cache's occasional purge.
@Suite struct StoreIndexTests {
    static let company: Int64 = 562_949_953_437_078
    static let template: Int64 = 562_949_955_000_001
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func record(_ id: Int64, company: Int64 = company, template: Bool, name: String) -> ProjectRecord {
        ProjectRecord(id: id, companyID: company, attributes: ValueObject([("name", .string(name))]), customFields: ValueObject(),
                      template: template, createdByID: nil, createdAt: now, updatedAt: now)
    }

    @Test func templateIndexFollowsTheSeedAndEveryInsert() throws {
        var store = try ProjectStore(seed: .builtIn, now: Self.now)
        #expect(store.templateIDs(company: Self.company) == [Self.template])
        #expect(store.templateNames(company: Self.company) == [Self.template: "Commercial Project Template"])
        #expect(store.templateIDs(company: 562_949_953_437_999).isEmpty)

        for offset in 0..<500 { store.insert(Self.record(store.allocateID(), template: false, name: "P\(offset)")) }
        #expect(store.templateIDs(company: Self.company) == [Self.template])

        let extra = store.allocateID()
        store.insert(Self.record(extra, template: true, name: "Second Template"))
        #expect(store.templateIDs(company: Self.company) == [Self.template, extra])
        #expect(store.templateNames(company: Self.company)[extra] == "Second Template")

        // Replacing a record that was a template with one that is not takes it out of the index.
        store.insert(Self.record(extra, template: false, name: "No Longer A Template"))
        #expect(store.templateIDs(company: Self.company) == [Self.template])
        #expect(store.projects(company: Self.company).count == 3 + 500 + 1)
    }

    @Test func idempotencyEntriesExpireOnLookupAndArePurgedAtMostEveryMinute() {
        var cache = IdempotencyCache()
        let response = SandboxResponse(status: 201, body: Array("{}".utf8))
        cache.store(response, for: "a", now: Self.now)
        cache.store(response, for: "b", now: Self.now.addingTimeInterval(30))
        #expect(cache.count == 2)

        let dayLater = Self.now.addingTimeInterval(IdempotencyCache.retention + 1)
        // Expired entries are never replayed, purged or not.
        #expect(cache.response(for: "a", now: dayLater) == nil)
        #expect(cache.response(for: "b", now: dayLater)?.status == 201)

        cache.store(response, for: "c", now: dayLater)
        #expect(cache.count == 2)  // "a" purged; "b" still within its day
        cache.store(response, for: "d", now: dayLater.addingTimeInterval(59))
        #expect(cache.count == 3)  // no purge within a minute of the last one
        cache.store(response, for: "e", now: dayLater.addingTimeInterval(60))
        #expect(cache.count == 3)  // "b" expired and purged
        #expect(cache.response(for: "b", now: dayLater.addingTimeInterval(60)) == nil)
    }
}

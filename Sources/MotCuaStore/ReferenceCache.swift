import Foundation
import MotCuaCore
import Synchronization

/// Dữ liệu tham chiếu trong bộ nhớ — what an intake is checked against (procedures, agencies, administrative
/// units, delegations, the process version in force), kept in memory for as long as the reference data's revision
/// (`ReferenceRevision`) stays the same. Each look-up starts from `current()`, which reads that one number: a
/// change committed anywhere before it is seen, as if every row were read again, and in the common case where
/// nothing changed, one read replaces six. Requests that ask for it at once share a read that began after each
/// asked (`Rounds`): on PostgreSQL, under load, one round trip then serves many requests. One per process.
public final class ReferenceCache: Sendable {
    /// A value read at a revision (possibly nil: "there is no such agency" is worth remembering too).
    private struct Entry: @unchecked Sendable {
        let value: Any
    }

    /// The most look-ups remembered at once; past it each new one lets go of the one remembered longest ago (the
    /// process versions are remembered per day, so months without a change to the reference data would otherwise
    /// only grow it).
    static let capacity = 20_000

    private let database: Database
    private let memory = Mutex<(revision: Int, entries: BoundedMemory<String, Entry>)>((-1, BoundedMemory(capacity: capacity)))
    private let revisions: Rounds<Void, Int>

    public init(database: Database) {
        self.database = database
        revisions = Rounds { callers in
            let revision = try await database.read { db in try await ReferenceRevision.current(in: db) }
            return callers.map { _ in revision }
        }
    }

    /// The reference data as it is now.
    public func current() async throws -> ReferenceSnapshot {
        ReferenceSnapshot(cache: self, database: database, revision: try await revisions.run(()))
    }

    /// The value remembered under `key` at `revision`, or `load`'s, remembered if `revision` is the newest seen
    /// and `worthKeeping` says so. A newer revision forgets everything; a look-up that began before it neither reads
    /// nor fills the memory.
    func value<T: Sendable>(_ key: String, at revision: Int, worthKeeping: (T) -> Bool = { _ in true },
                            load: () async throws -> T) async throws -> T {
        // What a lock's body returns beside the answer is what is let go of, dropped once the lock is released.
        let (known, _) = memory.withLock { memory -> (Entry?, [String: Entry]) in
            guard revision >= memory.revision else { return (nil, [:]) }
            guard revision > memory.revision else { return (memory.entries.values[key], [:]) }
            memory.revision = revision
            return (nil, memory.entries.letGoOfAll())
        }
        if let known, let value = known.value as? T { return value }
        let loaded = try await load()
        guard worthKeeping(loaded) else { return loaded }
        _ = memory.withLock { memory -> Entry? in
            revision == memory.revision ? memory.entries.hold(Entry(value: loaded), forKey: key) : nil
        }
        return loaded
    }
}

/// The reference data at one revision: each look-up answered from memory when it was already made at this
/// revision, from the database otherwise.
public struct ReferenceSnapshot: Sendable {
    let cache: ReferenceCache
    let database: Database
    public let revision: Int

    public func procedure(code: String) async throws -> Procedure? {
        try await cache.value("thu-tuc:\(code)", at: revision) { try await CatalogStore(database: database).procedure(code: code) }
    }

    public func agency(code: String) async throws -> Agency? {
        try await cache.value("co-quan:\(code)", at: revision) { try await ReferenceStore(database: database).agency(code: code) }
    }

    public func agencies(kind: String) async throws -> [Agency] {
        try await cache.value("loai-co-quan:\(kind)", at: revision) { try await ReferenceStore(database: database).agencies(kind: kind) }
    }

    public func unit(key: String) async throws -> AdministrativeUnit? {
        try await cache.value("don-vi:\(key)", at: revision) { try await ReferenceStore(database: database).unit(key: key) }
    }

    /// The delegation decisions that name the procedure.
    public func delegations(naming procedureCode: String) async throws -> [Delegation] {
        try await cache.value("uy-quyen:\(procedureCode)", at: revision) {
            try await DelegationStore(database: database).naming(procedureCode: procedureCode)
        }
    }

    /// The officer a token belongs to and until when, remembered by the token's hash. A token not found is not
    /// remembered: tokens made up by a client would otherwise fill the memory and push out everything else.
    public func session(forTokenHash hash: String) async throws -> UserStore.TokenSession? {
        try await cache.value("phien:\(hash)", at: revision, worthKeeping: { $0 != nil }) {
            try await UserStore(database: database).session(forTokenHash: hash)
        }
    }

    /// `ProcessStore.versionInForce`, remembered per procedure, agency and day.
    public func processVersionInForce(procedureCode: String, agencyCode: String, on day: CivilDate) async throws -> ProcessVersion? {
        try await cache.value("quy-trinh:\(procedureCode)|\(agencyCode)|\(day)", at: revision) {
            try await ProcessStore(database: database).versionInForce(procedureCode: procedureCode, agencyCode: agencyCode, on: day)
        }
    }
}

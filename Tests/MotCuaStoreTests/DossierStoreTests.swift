import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// The dossier tables on each engine: codes under concurrency, the version check, events in order.
@Suite struct DossierStoreTests {
    static let agency = "000.30.01.H26"
    static let day = CivilDate(year: 2026, month: 3, day: 2)!

    @Test(arguments: TestEngine.available)
    func sequenceNumbersAreDistinctUnderConcurrentIntake(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await database.write { db in
                            try await DossierStore.nextSequence(agencyCode: Self.agency, day: Self.day, in: db)
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1...40))
            let otherDay = try await database.write { db in
                try await DossierStore.nextSequence(agencyCode: Self.agency, day: Self.day.adding(days: 1), in: db)
            }
            #expect(otherDay == 1, "each day starts again at 1")
        }
    }

    /// A dossier is drafted (and written out) under a placeholder before the register gives its code: what is
    /// stored, and what is read back by another server that never saw the draft, carry the code.
    @Test(arguments: TestEngine.available)
    func theCodeGivenAtReceiptIsInTheStoredText(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            let new = try NewDossier(dossier)
            #expect(new.draft.code == new.placeholder && new.placeholder != dossier.code)
            let received = try await database.write { db in
                try await DossierStore.insert(new, code: dossier.code, event: Self.intakeEvent(dossier), in: db)
            }
            #expect(received == dossier)
            let text = try await database.read { db in
                try await db.raw("SELECT body FROM dossiers WHERE code = \(bind: dossier.code)").first()?
                    .decode(column: "body", as: String.self)
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            #expect(try decoder.decode(Dossier.self, from: Data((text ?? "").utf8)) == dossier)
            #expect(text?.contains(new.placeholder) == false)
        }
    }

    @Test(arguments: TestEngine.available)
    func aStaleUpdateWritesNothing(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            try await database.write { db in try await Self.insert(dossier, in: db) }
            let store = DossierStore(database: database)
            #expect(try await store.dossier(code: dossier.code) == dossier)

            var accepted = dossier
            accepted.state.status = .accepted
            accepted.state.version = 2
            let event = DossierEvent(sequence: 2, action: "tiep-nhan", actor: "a", at: dossier.receivedAt, fromStatus: .registered,
                                     toStatus: .accepted, reason: nil, dueAfter: nil)
            let change = try DossierChange(accepted, from: 1, event: event)
            let first = try await database.write { db in try await DossierStore.save(change, in: db) }
            let second = try await database.write { db in try await DossierStore.save(change, in: db) }
            #expect(first)
            #expect(!second, "the second writer read version 1, which is gone")
            #expect(try await store.dossier(code: dossier.code)?.state.version == 2)
            #expect(try await store.events(code: dossier.code).map(\.action) == [DossierEvent.intake, "tiep-nhan"])
        }
    }

    @Test(arguments: TestEngine.available)
    func aFailedTransactionLeavesNoTrace(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            await #expect(throws: (any Error).self) {
                try await database.write { db in
                    try await Self.insert(dossier, in: db)
                    // The same code again breaks the primary key: the whole transaction must roll back.
                    try await Self.insert(dossier, in: db)
                }
            }
            let store = DossierStore(database: database)
            let stored = try await store.dossier(code: dossier.code)
            let events = try await store.events(code: dossier.code)
            #expect(stored == nil)
            #expect(events.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func migrationsApplyOnce(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            #expect(try await Migrations.run(on: database).isEmpty, "prepare already applied every migration")
            let versions = try await database.read { db in
                try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                    .map { try $0.decode(column: "version", as: Int.self) }
            }
            #expect(versions == Migrations.all.map(\.version))
        }
    }

    /// Dossiers are decoded once per distinct stored text and remembered as written: a write rolled back, or a row
    /// changed in the database by another server, is never read from memory.
    @Test(arguments: TestEngine.available)
    func aDossierIsNeverReadStale(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            try await database.write { db in try await Self.insert(dossier, in: db) }
            let store = DossierStore(database: database)
            #expect(try await store.dossier(code: dossier.code) == dossier)
            struct Undone: Error {}
            var moved = dossier
            moved.state.status = .accepted
            moved.state.version = 2
            let next = moved
            await #expect(throws: Undone.self) {
                try await database.write { db in
                    let event = DossierEvent("tiep-nhan", by: "motcua.badinh", at: next.receivedAt, from: dossier.state, to: next.state)
                    let saved = try await DossierStore.save(try DossierChange(next, from: 1, event: event), in: db)
                    #expect(saved)
                    throw Undone()
                }
            }
            #expect(try await store.dossier(code: dossier.code) == dossier, "the rolled-back write is not read")
            try await database.write { db in
                try await db.raw("UPDATE dossiers SET body = REPLACE(body, 'Nguyễn Văn A', 'Nguyễn Văn B') WHERE code = \(bind: dossier.code)").run()
            }
            #expect(try await store.dossier(code: dossier.code)?.applicant.name == "Nguyễn Văn B", "changed by another server: read anew")
        }
    }

    static func sampleDossier() -> Dossier {
        let at = Date(timeIntervalSince1970: 1_772_416_800) // 2026-03-02 09:00 +07:00
        let applicant = Applicant(kind: .citizen, name: "Nguyễn Văn A", personalId: "001090000001", taxCode: nil,
                                  address: "Ba Đình, Hà Nội", phone: nil, email: nil)
        return Dossier(code: "\(agency)-260302-0001", procedureCode: "1.004873", procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
                       agencyCode: agency, receivedByAgencyCode: agency, channel: .counter, applicant: applicant, unitKey: nil,
                       receivedAt: at, receivedBy: "motcua.badinh", documents: [], sets: 1, request: "Xác nhận",
                       state: DossierState(status: .registered, clock: LegalClock(due: at.addingTimeInterval(3 * 86400),
                                                                                  pausedAt: nil, remainingWorkingSeconds: nil)))
    }

    /// Receives `dossier` under its own code, drafted first as intake drafts it.
    @discardableResult
    static func insert(_ dossier: Dossier, in db: any SQLDatabase) async throws -> Dossier {
        try await DossierStore.insert(try NewDossier(dossier), code: dossier.code, event: intakeEvent(dossier), in: db)
    }

    static func intakeEvent(_ dossier: Dossier) -> DossierEvent {
        DossierEvent(sequence: 1, action: DossierEvent.intake, actor: dossier.receivedBy, at: dossier.receivedAt,
                     fromStatus: nil, toStatus: .registered, reason: nil, dueAfter: dossier.state.clock.due)
    }
}

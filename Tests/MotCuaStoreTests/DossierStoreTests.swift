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
    func codesAreDistinctAndGaplessUnderConcurrentIntake(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await Self.receive(Self.sampleDossier(), day: Self.day, in: database).code }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(codes.sorted() == (1...40).map { DossierCode.make(agencyCode: Self.agency, day: Self.day, sequence: $0) })
            let otherDay = try await Self.receive(Self.sampleDossier(), day: Self.day.adding(days: 1), in: database)
            #expect(otherDay.code == "\(Self.agency)-260303-0001", "each day starts again at 1")
        }
    }

    /// Intakes that are each their own statement (the API's) and come at once: on PostgreSQL those of one register go
    /// in one statement, and one that fails — its key's answer written already — fails alone, giving its number back.
    @Test(arguments: TestEngine.available)
    func intakesAtOnceGoTogetherAndOneThatFailsFailsAlone(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let taken = IdempotencyStore.recording(username: "motcua.badinh", key: "da-dung", requestHash: "h", request: nil,
                                                   status: 201, response: "{}", now: Self.sampleDossier().receivedAt).statement
            try await database.write { db in try await db.run(taken) }
            let before = database.roundStatistics
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let new = try? NewDossier(Self.sampleDossier())
                        return try? await database.writeAsOneStatement { db in
                            try await DossierStore.receive(try #require(new), day: Self.day, event: Self.intakeEvent(Self.sampleDossier()),
                                                           alsoWriting: { _ in index % 16 == 7 ? [taken] : [] }, in: db).code
                        }
                    }
                }
                return await group.reduce(into: [String?]()) { $0.append($1) }
            }
            let codes = outcomes.compactMap { $0 }
            #expect(outcomes.count - codes.count == 3, "intakes 7, 23 and 39 write a key answered before")
            #expect(codes.sorted() == (1...37).map { DossierCode.make(agencyCode: Self.agency, day: Self.day, sequence: $0) })
            let stored = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM dossiers").first()?.decode(column: "n", as: Int.self)
            }
            #expect(stored == 37)
            if let before, let after = database.roundStatistics {
                #expect(after.numbered.writes - before.numbered.writes == 37)
                #expect(after.numbered.statements - before.numbered.statements < 37, "some intakes went together: \(after)")
            }
        }
    }

    /// A dossier is drafted (and written out) under a placeholder before the register gives its code: every value
    /// written with it that holds the placeholder — its stored text, its event and audit entry, a key's answer
    /// written alongside — carries the code instead, as another server that never saw the draft reads it.
    @Test(arguments: TestEngine.available)
    func theCodeGivenAtReceiptIsInEveryValueWrittenWithIt(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            let new = try NewDossier(dossier)
            #expect(new.draft.code == new.placeholder && new.placeholder != dossier.code)
            let answer: @Sendable (String) -> [BoundStatement] = { code in
                [IdempotencyStore.recording(username: "motcua.badinh", key: "k1", requestHash: "h", request: nil, status: 201,
                                            response: "{\"code\":\"\(code)\",\"again\":\"\(code)\"}", now: dossier.receivedAt).statement]
            }
            let received = try await database.write { db in
                try await DossierStore.receive(new, day: Self.day, event: Self.intakeEvent(dossier), alsoWriting: answer, in: db)
            }
            #expect(received == dossier, "the first code of the day is the sample's own")
            try await AuditLog(database: database).seal()
            let row = try #require(try await database.read { db in
                try await db.raw("""
                    SELECT t.body, e.dossier_code, e.patch, a.subject, k.response FROM dossiers d JOIN dossier_texts t ON t.code = d.code
                    JOIN dossier_events e ON e.dossier_code = d.code JOIN audit_log a ON a.subject = d.code
                    JOIN idempotency_keys k ON k.idem_key = 'k1'
                    """).first()
            })
            let body = try row.decode(column: "body", as: String.self)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            #expect(try decoder.decode(Dossier.self, from: Data(body.utf8)) == dossier)
            #expect(!body.contains(new.placeholder))
            #expect(try row.decode(column: "dossier_code", as: String.self) == dossier.code)
            #expect(try !row.decode(column: "patch", as: String.self).contains(new.placeholder), "a state holds no code")
            #expect(try row.decode(column: "subject", as: String.self) == dossier.code)
            #expect(try row.decode(column: "response", as: String.self) == "{\"code\":\"\(dossier.code)\",\"again\":\"\(dossier.code)\"}")
            // Remembered as received, the dossier reads back without decoding; changed by another server, anew.
            let store = DossierStore(database: database)
            #expect(try await store.dossier(code: dossier.code) == dossier)
            try await database.write { db in
                try await db.raw("UPDATE dossier_texts SET body = REPLACE(body, 'Nguyễn Văn A', 'Nguyễn Văn B') WHERE code = \(bind: dossier.code)").run()
            }
            #expect(try await store.dossier(code: dossier.code)?.applicant.name == "Nguyễn Văn B")
        }
    }

    /// Past 9,999 dossiers in a day the number grows a fifth digit, the same on both engines (PostgreSQL writes the
    /// code itself); and a receipt that fails after taking its number gives it back, so the register has no gap.
    @Test(arguments: TestEngine.available)
    func theRegisterGrowsAFifthDigitAndKeepsNoGap(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            try await database.write { db in
                try await db.raw("INSERT INTO dossier_sequences (agency_code, day, last) VALUES (\(bind: Self.agency), \(bind: Self.day.description), 9998)").run()
            }
            #expect(try await Self.receive(Self.sampleDossier(), day: Self.day, in: database).code == "\(Self.agency)-260302-9999")
            let reused = IdempotencyStore.recording(username: "motcua.badinh", key: "k2", requestHash: "h", request: nil, status: 201,
                                                    response: "{}", now: Self.sampleDossier().receivedAt).statement
            try await database.write { db in try await db.run(reused) }
            await #expect(throws: (any Error).self, "the key is taken: the whole receipt fails") {
                try await Self.receive(Self.sampleDossier(), day: Self.day, alsoWriting: { _ in [reused] }, in: database)
            }
            #expect(try await Self.receive(Self.sampleDossier(), day: Self.day, in: database).code == "\(Self.agency)-260302-10000")
        }
    }

    @Test(arguments: TestEngine.available)
    func aStaleUpdateWritesNothing(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            _ = try await database.write { db in try await Self.insert(dossier, in: db) }
            let store = DossierStore(database: database)
            #expect(try await store.dossier(code: dossier.code) == dossier)

            var accepted = dossier
            accepted.state.status = .accepted
            accepted.state.version = 2
            let event = DossierEvent(sequence: 2, action: "tiep-nhan", actor: "a", at: dossier.receivedAt, fromStatus: .registered,
                                     toStatus: .accepted, reason: nil, dueAfter: nil)
            let change = try DossierChange(accepted, from: dossier.state, event: event)
            let first = try await database.write { db in try await DossierStore.save(change, in: db) }
            let second = try await database.write { db in try await DossierStore.save(change, in: db) }
            #expect(first)
            #expect(!second, "the second writer read version 1, which is gone")
            #expect(try await store.dossier(code: dossier.code)?.state.version == 2)
            #expect(try await store.events(code: dossier.code).map(\.action) == [DossierEvent.intake, "tiep-nhan"])
        }
    }

    /// A change saved as one statement (on PostgreSQL its own transaction) with a key's answer: saved whole from the
    /// version it was worked out from; from a version that is gone, nothing at all — not the event, not the answer.
    @Test(arguments: TestEngine.available)
    func aChangeSavedAsOneStatementIsWholeOrNothing(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            _ = try await database.write { db in try await Self.insert(dossier, in: db) }
            var accepted = dossier
            accepted.state.status = .accepted
            accepted.state.version = 2
            let event = DossierEvent("tiep-nhan", by: "motcua.badinh", at: dossier.receivedAt, from: dossier.state, to: accepted.state)
            let change = try DossierChange(accepted, from: dossier.state, event: event)
            @Sendable func answer(_ key: String) -> [RowInsert] {
                [IdempotencyStore.recording(username: "motcua.badinh", key: key, requestHash: "h", request: nil, status: 200,
                                            response: "{}", now: dossier.receivedAt)]
            }
            let first = try await database.writeAsOneStatement { db in
                try await DossierStore.save(change, alsoWriting: answer("k-first"), in: db)
            }
            let again = try await database.writeAsOneStatement { db in
                try await DossierStore.save(change, alsoWriting: answer("k-again"), in: db)
            }
            #expect(first && !again)
            let store = DossierStore(database: database)
            #expect(try await store.dossier(code: dossier.code) == accepted)
            #expect(try await store.events(code: dossier.code).map(\.action) == [DossierEvent.intake, "tiep-nhan"])
            let keys = try await database.read { db in
                try await db.raw("SELECT idem_key FROM idempotency_keys ORDER BY idem_key").all().map { try $0.decode(column: "idem_key", as: String.self) }
            }
            #expect(keys == ["k-first"], "the stale save wrote no answer either")
            try await AuditLog(database: database).seal()
            let audited = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ho-so.tiep-nhan'").first()?.decode(column: "n", as: Int.self)
            }
            #expect(audited == 1)
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
            _ = try await database.write { db in try await Self.insert(dossier, in: db) }
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
                    let saved = try await DossierStore.save(try DossierChange(next, from: dossier.state, event: event), in: db)
                    #expect(saved)
                    throw Undone()
                }
            }
            #expect(try await store.dossier(code: dossier.code) == dossier, "the rolled-back write is not read")
            try await database.write { db in
                try await db.raw("UPDATE dossier_texts SET body = REPLACE(body, 'Nguyễn Văn A', 'Nguyễn Văn B') WHERE code = \(bind: dossier.code)").run()
            }
            #expect(try await store.dossier(code: dossier.code)?.applicant.name == "Nguyễn Văn B", "changed by another server: read anew")
        }
    }

    /// A dossier's whole text stands from intake until its 8th version, its steps' patches after it, and is read
    /// back whole from them; the events' patches give the state the row holds; the check names a dossier whose row
    /// says otherwise, leaves out one with an event from before patches were kept, and refuses events that do not
    /// follow one another.
    @Test(arguments: TestEngine.available)
    func theEventsGiveTheStoredState(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            let other = Self.sampleDossier(code: "\(Self.agency)-260302-0002")
            _ = try await database.write { db in
                try await Self.insert(dossier, in: db)
                try await Self.insert(other, in: db)
            }
            let store = DossierStore(database: database)
            func run(_ statement: SQLQueryString) async throws { try await database.write { db in try await db.raw(statement).run() } }
            func wholeTextVersion() async throws -> Int? {
                try await database.read { db in
                    try await db.raw("SELECT version FROM dossier_texts WHERE code = \(bind: dossier.code)").first()?
                        .decode(column: "version", as: Int.self)
                }
            }
            var current = dossier
            func step() async throws {
                var next = current
                next.state.status = .accepted
                next.state.version += 1
                next.state.extensions = next.state.version
                let event = DossierEvent("gia-han", by: "motcua.badinh", at: dossier.receivedAt, from: current.state, to: next.state)
                let change = try DossierChange(next, from: current.state, event: event)
                #expect(try await database.write { db in try await DossierStore.save(change, in: db) })
                current = next
            }
            for _ in 2...7 { try await step() }
            #expect(try await wholeTextVersion() == 1, "steps 2-7 leave the intake's text, their patches after it")
            #expect(try await store.dossier(code: dossier.code) == current)
            let seventh = current
            try await step()
            #expect(try await wholeTextVersion() == 8, "the 8th writes the whole text again")
            var late = seventh
            late.state.version = 8
            late.state.extensions = 99
            let lateEvent = DossierEvent("gia-han", by: "motcua.badinh", at: dossier.receivedAt, from: seventh.state, to: late.state)
            let stale = try DossierChange(late, from: seventh.state, event: lateEvent)
            #expect(try await database.write { db in try await DossierStore.save(stale, in: db) } == false)
            #expect(try await store.dossier(code: dossier.code) == current, "a stale 8th step writes no text either")
            #expect(try await store.stateFromEvents(code: dossier.code) == current.state)
            #expect(try await store.dossiersNotGivenByTheirEvents() == [])
            try await run("UPDATE dossier_texts SET body = REPLACE(body, '\"extensions\":8', '\"extensions\":6') WHERE code = \(bind: dossier.code)")
            #expect(try await store.dossiersNotGivenByTheirEvents() == [dossier.code], "the row was changed, not by a step")
            try await run("UPDATE dossier_texts SET body = REPLACE(body, '\"extensions\":6', '\"extensions\":8') WHERE code = \(bind: dossier.code)")
            try await step()
            try await run("UPDATE dossier_texts SET body = REPLACE(body, 'Nguyễn Văn A', 'Nguyễn Văn B') WHERE code = \(bind: dossier.code)")
            let reread = try await store.dossier(code: dossier.code)
            #expect(reread?.applicant.name == "Nguyễn Văn B" && reread?.state == current.state,
                    "a text not in memory is decoded, with the 9th step's patch applied after it")

            try await run("UPDATE dossier_events SET patch = NULL WHERE dossier_code = \(bind: dossier.code) AND seq = 1")
            #expect(try await store.stateFromEvents(code: dossier.code) == nil, "an event from before migration 23")
            #expect(try await store.dossiersNotGivenByTheirEvents() == [])

            try await run("DELETE FROM dossier_events WHERE dossier_code = \(bind: other.code) AND seq = 1")
            var moved = other
            moved.state.version = 2
            let note = DossierEvent("ghi-chu", by: "motcua.badinh", at: other.receivedAt, from: other.state, to: moved.state)
            let noted = try DossierChange(moved, from: other.state, event: note)
            #expect(try await database.write { db in try await DossierStore.save(noted, in: db) })
            let gap = await #expect(throws: DossierStore.EventsDoNotFollow.self, "its intake's event is gone") {
                try await store.stateFromEvents(code: other.code)
            }
            #expect(gap?.code == other.code && gap?.seq == 2)
        }
    }

    /// A dossier stored before its whole text had a table of its own (migration 24) is read the same after it.
    @Test(arguments: TestEngine.available)
    func aDossierStoredBeforeMigration24IsReadTheSameAfterIt(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let dossier = Self.sampleDossier()
            _ = try await database.write { db in try await Self.insert(dossier, in: db) }
            try await database.write { db in
                // The dossier as migration 23 left it: its whole text in its own row.
                for statement: SQLQueryString in [
                    "ALTER TABLE dossiers ADD COLUMN body TEXT", "UPDATE dossiers SET body = (SELECT body FROM dossier_texts t WHERE t.code = dossiers.code)",
                    "DROP TABLE dossier_texts", "DELETE FROM schema_migrations WHERE version = 24",
                ] {
                    try await db.raw(statement).run()
                }
            }
            #expect(try await Migrations.run(on: database) == [24])
            let store = DossierStore(database: database)
            #expect(try await store.dossier(code: dossier.code) == dossier)
            #expect(try await store.list(agencyCodes: [Self.agency], status: nil, limit: 10, offset: 0).items == [dossier])
        }
    }

    /// A step is worked out from the dossier as last committed (`lastCommitted`). On SQLite that is as this server's
    /// writer committed it, held from the COMMIT on: never a write rolled back, never one noted by a write that
    /// failed; moved by another process on the same file, it is stale there, and a change worked out from it saves
    /// nothing. On PostgreSQL, where other servers write, it is read every time.
    @Test(arguments: TestEngine.available)
    func aStepIsWorkedOutFromTheDossierAsLastCommitted(engine: TestEngine) async throws {
        struct Undone: Error {}
        @Sendable func change(_ dossier: Dossier, to status: DossierStatus) throws -> DossierChange {
            var moved = dossier
            moved.state.status = status
            moved.state.version += 1
            let event = DossierEvent("tiep-nhan", by: "motcua.badinh", at: dossier.receivedAt, from: dossier.state, to: moved.state)
            return try DossierChange(moved, from: dossier.state, event: event)
        }
        try await TestDatabases.withEmpty(engine) { location in
            try await TestDatabases.withOpened(location) { database in
                try await Migrations.run(on: database)
                let dossier = Self.sampleDossier()
                _ = try await database.write { db in try await Self.insert(dossier, in: db) }
                let store = DossierStore(database: database)
                #expect(try await store.lastCommitted(code: dossier.code) == dossier)

                let refused = try change(dossier, to: .refused)
                await #expect(throws: Undone.self) {
                    try await database.write { db in
                        #expect(try await DossierStore.save(refused, in: db))
                        throw Undone()
                    }
                }
                try await database.write { db in try await db.raw("SELECT 1").run() }
                #expect(try await store.lastCommitted(code: dossier.code) == dossier, "the rolled-back write is not held")

                let accepted = try change(dossier, to: .accepted)
                #expect(try await database.write { db in try await DossierStore.save(accepted, in: db) })
                #expect(try await store.lastCommitted(code: dossier.code) == accepted.dossier)

                let processing = try change(accepted.dossier, to: .processing)
                let savedElsewhere = try await TestDatabases.withOpened(location) { otherProcess in
                    try await otherProcess.write { db in try await DossierStore.save(processing, in: db) }
                }
                #expect(savedElsewhere)
                let held = try #require(try await store.lastCommitted(code: dossier.code))
                #expect(held == (engine == .sqlite ? accepted.dossier : processing.dossier))
                let fromHeld = try change(held, to: .done)
                #expect(try await database.write { db in try await DossierStore.save(fromHeld, in: db) } == (engine == .postgres),
                        "a change worked out from a dossier moved since saves nothing")
                #expect(try await store.dossier(code: dossier.code)?.state.status == (engine == .sqlite ? .processing : .done))
            }
        }
    }

    /// The dossier's row of columns (what lists and reports query) says what its state says after every step, each
    /// step setting only the columns it moved: the status, then the appointment, then neither, then the status again.
    @Test(arguments: TestEngine.available)
    func theRowSaysWhatTheStateSaysAfterEachStep(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            var dossier = Self.sampleDossier()
            let code = dossier.code
            _ = try await database.write { [dossier] db in try await Self.insert(dossier, in: db) }
            let steps: [@Sendable (inout DossierState) -> Void] = [
                { $0.status = .accepted },
                { $0.clock.extend(to: $0.clock.due!.addingTimeInterval(2 * 86400)) },
                { $0.extensions += 1 },
                { $0.status = .done },
            ]
            for step in steps {
                let before = dossier.state
                step(&dossier.state)
                dossier.state.version += 1
                let event = DossierEvent("buoc", by: "motcua.badinh", at: dossier.receivedAt, from: before, to: dossier.state)
                let change = try DossierChange(dossier, from: before, event: event)
                #expect(try await database.write { db in try await DossierStore.save(change, in: db) })
                let row = try #require(try await database.read { db in
                    try await db.raw("SELECT status, version, due_at FROM dossiers WHERE code = \(bind: code)").first()
                })
                #expect(try row.decode(column: "status", as: Int.self) == dossier.state.status.rawValue)
                #expect(try row.decode(column: "version", as: Int.self) == dossier.state.version)
                #expect(try row.decode(column: "due_at", as: Int?.self) == dossier.state.clock.due.map { Int($0.timeIntervalSince1970) })
            }
        }
    }

    static func sampleDossier(code: String = "\(agency)-260302-0001") -> Dossier {
        let at = Date(timeIntervalSince1970: 1_772_416_800) // 2026-03-02 09:00 +07:00
        let applicant = Applicant(kind: .citizen, name: "Nguyễn Văn A", personalId: "001090000001", taxCode: nil,
                                  address: "Ba Đình, Hà Nội", phone: nil, email: nil)
        return Dossier(code: code, procedureCode: "1.004873", procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
                       agencyCode: agency, receivedByAgencyCode: agency, channel: .counter, applicant: applicant, unitKey: nil,
                       receivedAt: at, receivedBy: "motcua.badinh", documents: [], sets: 1, request: "Xác nhận",
                       state: DossierState(status: .registered, clock: LegalClock(due: at.addingTimeInterval(3 * 86400),
                                                                                  pausedAt: nil, remainingWorkingSeconds: nil)))
    }

    /// Receives `dossier` as intake does, under the next code of its agency's register for `day`.
    @discardableResult
    static func receive(_ dossier: Dossier, day: CivilDate, alsoWriting: @escaping @Sendable (String) -> [BoundStatement] = { _ in [] },
                        in database: Database) async throws -> Dossier {
        let new = try NewDossier(dossier)
        return try await database.write { db in
            try await DossierStore.receive(new, day: day, event: intakeEvent(dossier), alsoWriting: alsoWriting, in: db)
        }
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

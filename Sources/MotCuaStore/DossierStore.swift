import Foundation
import MotCuaCore
import SQLKit

/// Sổ hồ sơ — dossiers and their append-only events. Every change to a dossier and its event are written in
/// the same transaction; a change names the version it read, so two officers acting at once cannot both win.
public struct DossierStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Receives a new dossier (inside `Database.write`): takes the next number of its agency's register for `day`
    /// and writes the dossier under the code it gives, with its intake event, its open items and what
    /// `alsoWriting` makes with what goes where the code does (the code, or the draft's placeholder that PostgreSQL
    /// puts the code in for) — on PostgreSQL as one statement (`NumberedWrite`). Returns the dossier as stored.
    public static func receive(_ new: NewDossier, day: CivilDate, event: DossierEvent,
                               alsoWriting: @escaping @Sendable (_ code: String) -> [BoundStatement] = { _ in [] },
                               in db: any SQLDatabase) async throws -> Dossier {
        let draft = new.draft
        let dialect = db.dialect
        let code = try await db.run(NumberedWrite(
            sequence: { nextNumbers($0, agencyCode: draft.agencyCode, day: day) },
            numbering: DossierCode.Numbering(agencyCode: draft.agencyCode, day: day), placeholder: new.placeholder,
            statements: { code in
                let dossier = draft.coded(code)
                let body = String(decoding: new.stored.filled(with: code), as: UTF8.self)
                return rows(of: dossier, body: body, event: event, patch: new.patch, for: dialect)
                    + (WorkItemStore.projection(of: dossier)?.insertions.map(\.statement) ?? [])
                    + alsoWriting(code)
            }))
        let dossier = draft.coded(code)
        keepOnceCommitted(dossier, in: db) { Decoded.dossiers.remember(dossier, key: code, template: new.stored, filledWith: code) }
        return dossier
    }

    /// The register's statement that takes the next `count` numbers of an agency's dossiers on a day, returning the
    /// last as `last`. The row it increments stays locked until the transaction ends, so numbers are unique across
    /// processes, and a transaction rolled back gives its numbers back: the register has no gaps.
    static func nextNumbers(_ count: Int, agencyCode: String, day: CivilDate) -> BoundStatement {
        """
        INSERT INTO dossier_sequences (agency_code, day, last) VALUES (\(bind: agencyCode), \(bind: day.description), \(bind: count))
        ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_sequences.last + \(bind: count)
        RETURNING last
        """
    }

    /// Inserts a new dossier under a code given already (`code`), with its intake event (inside
    /// `Database.write`); returns it as stored.
    public static func insert(_ new: NewDossier, code: String, event: DossierEvent,
                              in db: any SQLDatabase) async throws -> Dossier {
        let dossier = new.draft.coded(code)
        let body = String(decoding: new.stored.filled(with: code), as: UTF8.self)
        try await write(rows(of: dossier, body: body, event: event, patch: new.patch, for: db.dialect),
                        WorkItemStore.projection(of: dossier), in: db)
        keepOnceCommitted(dossier, in: db) { Decoded.dossiers.remember(dossier, key: dossier.code, text: body) }
        return dossier
    }

    /// The statements that write a new dossier's row (its stored text `body`), its event and audit entry, on a
    /// database of `dialect`.
    private static func rows(of dossier: Dossier, body: String, event: DossierEvent, patch: String,
                             for dialect: any SQLDialect) -> [BoundStatement] {
        let state = dossier.state
        let row: BoundStatement = """
            INSERT INTO dossiers (code, agency_code, received_by, procedure_code, channel, status, version, received_at,
              due_at, applicant_key)
            VALUES (\(bind: dossier.code), \(bind: dossier.agencyCode), \(bind: dossier.receivedByAgencyCode),
              \(bind: dossier.procedureCode), \(bind: dossier.channel.rawValue), \(bind: state.status.rawValue),
              \(bind: state.version), \(bind: dossier.receivedAt.epochSeconds), \(bind: state.clock.due?.epochSeconds),
              \(bind: dossier.applicant.personalId ?? dossier.applicant.taxCode))
            """
        let text: BoundStatement = """
            INSERT INTO dossier_texts (code, body, version) VALUES (\(bind: dossier.code), \(bind: body), \(bind: state.version))
            """
        return [row, text] + EventRecord(event, patch: patch, code: dossier.code).statements(for: dialect)
    }

    /// Saves a change with `alsoWriting` (a key's answer) if the stored version is still the one it was worked out
    /// from (inside `Database.write`); returns false, and writes nothing, when someone else changed the dossier
    /// first. On PostgreSQL it is one statement (`DossierChange.together`), so it may also run as its own transaction
    /// (`Database.writeAsOneStatement`); on SQLite, in the writer's process, the update and then each row.
    public static func save(_ change: DossierChange, alsoWriting: [RowInsert] = [], in db: any SQLDatabase) async throws -> Bool {
        if db.dialect.name == "postgresql" { return try await db.first(change.together(alsoWriting: alsoWriting)) != nil }
        guard try await db.changedARow(change.update) else { return false }
        try await write(change.recorded.statements(for: db.dialect) + alsoWriting.map(\.statement) + change.textRewrite(),
                        change.projection, in: db)
        keepOnceCommitted(change.dossier, in: db)
        return true
    }

    /// On SQLite's writer, keeps the dossier as this write leaves it in the server's memory once the write is
    /// committed (`CommittedDossiers`), and then does `alsoOnceCommitted`, both by the write's caller, off the writer's
    /// thread (`DirectSQLDatabase.afterCommit`); on PostgreSQL, only `alsoOnceCommitted`, at once.
    private static func keepOnceCommitted(_ dossier: Dossier, in db: any SQLDatabase,
                                          alsoOnceCommitted: @escaping @Sendable () -> Void = {}) {
        guard let writer = db as? DirectSQLDatabase, let memory = writer.committedDossiers else { return alsoOnceCommitted() }
        writer.afterCommit {
            memory.keep(dossier)
            alsoOnceCommitted()
        }
    }

    /// Writes what goes with a dossier's row — its event and audit entry, the removal of its old open items, all in
    /// tables of their own — together, then its new open items together: two round trips on PostgreSQL.
    private static func write(_ rows: [BoundStatement], _ projection: WorkItemStore.Projection?, in db: any SQLDatabase) async throws {
        try await db.runTogether(rows + (projection.map { [$0.removal] } ?? []))
        try await db.runTogether(projection?.insertions.map(\.statement) ?? [])
    }

    /// The statement that saves a change to the dossier's row if the stored version is still the one it was worked
    /// out from (`before`'s), changing no row otherwise. It sets the version and, only if the change moved them, the
    /// status and the appointment: SQLite rewrites an index's entry for every column set, changed or not, and most
    /// steps move neither of the two that `dossiers_agency_status` holds.
    static func update(to dossier: Dossier, from before: DossierState) -> BoundStatement {
        let state = dossier.state
        var statement: BoundStatement = "UPDATE dossiers SET version = \(bind: state.version)"
        if state.status != before.status { statement.append(", status = \(bind: state.status.rawValue)") }
        if state.clock.due?.epochSeconds != before.clock.due?.epochSeconds {
            statement.append(", due_at = \(bind: state.clock.due?.epochSeconds)")
        }
        statement.append(" WHERE code = \(bind: dossier.code) AND version = \(bind: before.version)")
        return statement
    }

    /// Reads a dossier (inside a transaction when `db` is one).
    public static func dossier(code: String, in db: any SQLDatabase) async throws -> Dossier? {
        try await db.first("SELECT \(raw: storedDossiers) WHERE code = \(bind: code)").map(Self.dossier)
    }

    public func dossier(code: String) async throws -> Dossier? {
        try await database.read { db in try await Self.dossier(code: code, in: db) }
    }

    /// The dossier as last committed, to work a step out from: as this server's writer committed it, when it holds
    /// it (on SQLite, `CommittedDossiers`), else read. If another process moved it since, the save's version check
    /// refuses the step worked out from it.
    public func lastCommitted(code: String) async throws -> Dossier? {
        if let held = database.committedDossiers?.dossier(code: code) { return held }
        return try await dossier(code: code)
    }

    /// The latest dossier of an applicant (by personal ID or tax code) among these agencies' dossiers, to fill in a
    /// returning applicant at the desk.
    public func latest(applicantKey: String, agencyCodes: [String]) async throws -> Dossier? {
        guard !agencyCodes.isEmpty else { return nil }
        return try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.storedDossiers) WHERE applicant_key = \(bind: applicantKey) AND agency_code IN (\(binds: agencyCodes))
                ORDER BY received_at DESC, code DESC LIMIT 1
                """).first().map(Self.dossier)
        }
    }

    /// Every dossier naming this applicant (by personal ID or tax code), newest first: a citizen's own, for their
    /// data export (every dossier they filed online names them, with the e-ID's personal ID).
    public func dossiers(ofApplicant applicantKey: String) async throws -> [Dossier] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.storedDossiers) WHERE applicant_key = \(bind: applicantKey) ORDER BY received_at DESC, code DESC
                """).all().map(Self.dossier)
        }
    }

    /// The dossier's events, oldest first.
    public func events(code: String) async throws -> [DossierEvent] {
        try await database.read { db in
            try await db.raw("""
                SELECT seq, action, actor, at, from_status, to_status, reason, due_after, step_due_after, work_item,
                  decision, assignee FROM dossier_events WHERE dossier_code = \(bind: code) ORDER BY seq
                """).all().map(Self.event)
        }
    }

    /// One page of an agency set's dossiers, optionally in one status, soonest appointment first.
    public func list(agencyCodes: [String], status: DossierStatus?, limit: Int, offset: Int) async throws -> (items: [Dossier], total: Int) {
        guard !agencyCodes.isEmpty else { return ([], 0) }
        var filter: SQLQueryString = "agency_code IN (\(binds: agencyCodes))"
        if let status { filter = filter + " AND status = \(bind: status.rawValue)" }
        let condition = filter
        return try await database.read { db in
            let total = try await db.raw("SELECT COUNT(*) AS n FROM dossiers WHERE \(condition)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let items = try await db.raw("""
                SELECT \(unsafeRaw: Self.storedDossiers) WHERE \(condition)
                ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, code LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all().map(Self.dossier)
            return (items, total)
        }
    }

    /// Sổ theo dõi — an agency's dossiers received in `[from, until)`, in the order received, with how many it
    /// received from `yearStart` until `from` (so the register's line numbers run on through the year).
    public func register(agencyCode: String, from: Date, until: Date, yearStart: Date,
                         limit: Int, offset: Int) async throws -> (items: [Dossier], linesBefore: Int, total: Int) {
        try await database.read { db in
            let before = try await Self.receivedCount(agencyCode: agencyCode, since: yearStart, before: from, in: db)
            let total = try await Self.receivedCount(agencyCode: agencyCode, since: from, before: until, in: db)
            let items = try await db.raw("""
                SELECT \(unsafeRaw: Self.storedDossiers) WHERE agency_code = \(bind: agencyCode)
                  AND received_at >= \(bind: from.epochSeconds) AND received_at < \(bind: until.epochSeconds)
                ORDER BY received_at, code LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all().map(Self.dossier)
            return (items, before, total)
        }
    }

    /// The dossier's line in its agency's register: its rank by time of receipt (then code) since `yearStart`.
    public func registerLine(of dossier: Dossier, yearStart: Date) async throws -> Int {
        try await database.read { db in
            try await Self.receivedCount(agencyCode: dossier.agencyCode, since: yearStart, before: dossier.receivedAt,
                                         throughCode: dossier.code, in: db)
        }
    }

    /// How many of an agency's dossiers were received from `start` until `end` — and, with `throughCode`, those
    /// received at `end` itself whose code sorts up to it: the register's order.
    static func receivedCount(agencyCode: String, since start: Date, before end: Date, throughCode: String? = nil,
                              in db: any SQLDatabase) async throws -> Int {
        var upTo: SQLQueryString = "received_at < \(bind: end.epochSeconds)"
        if let throughCode {
            upTo = "(" + upTo + " OR (received_at = \(bind: end.epochSeconds) AND code <= \(bind: throughCode)))"
        }
        let condition = upTo
        return try await db.raw("""
            SELECT COUNT(*) AS n FROM dossiers WHERE agency_code = \(bind: agencyCode)
              AND received_at >= \(bind: start.epochSeconds) AND \(condition)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The dossier a row (`storedDossiers`) holds, decoded once per distinct stored text (`Decoded.dossiers`).
    static func dossier(_ row: any SQLRow) throws -> Dossier {
        try Decoded.dossiers.value(key: try row.decode(column: "code", as: String.self), text: try storedText(of: row))
    }

    static func event(_ row: any SQLRow) throws -> DossierEvent {
        DossierEvent(
            sequence: try row.decode(column: "seq", as: Int.self),
            action: try row.decode(column: "action", as: String.self),
            actor: try row.decode(column: "actor", as: String.self),
            at: Date(epochSeconds: try row.decode(column: "at", as: Int.self)),
            fromStatus: try row.decode(column: "from_status", as: Int?.self).flatMap(DossierStatus.init(rawValue:)),
            toStatus: DossierStatus(rawValue: try row.decode(column: "to_status", as: Int.self)) ?? .registered,
            reason: try row.decode(column: "reason", as: String?.self),
            dueAfter: try row.decode(column: "due_after", as: Int?.self).map(Date.init(epochSeconds:)),
            stepDueAfter: try row.decode(column: "step_due_after", as: Int?.self).map(Date.init(epochSeconds:)),
            workItem: try row.decode(column: "work_item", as: Int?.self),
            decision: try row.decode(column: "decision", as: String?.self),
            assignee: try row.decode(column: "assignee", as: String?.self))
    }
}

/// Lỗi kho dữ liệu — a database answer that breaks what the schema promises.
public enum StoreError: Error, Sendable {
    case noRowReturned(String)
}

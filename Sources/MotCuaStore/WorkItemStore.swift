import Foundation
import MotCuaCore
import SQLKit

/// Hàng việc — the open work items of all dossiers, kept beside each dossier in the same transaction as its
/// change, so officers' queues and the SLA watch are index lookups instead of reads of every dossier.
public struct WorkItemStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// One open item as a queue shows it.
    public struct Entry: Sendable, Hashable, Encodable {
        public let dossierCode: String
        public let itemId: Int
        public let agencyCode: String
        public let unit: String
        public let role: OfficerRole
        public let assignee: String?
        public let name: String
        public let openedAt: Date
        /// Nil while the dossier waits on the applicant.
        public let dueAt: Date?

        enum CodingKeys: String, CodingKey {
            case dossierCode, itemId = "workItem", agencyCode, unit, role, assignee, name, openedAt, dueAt
        }
    }

    /// Việc đang mở của hồ sơ — the rows that replace a dossier's rows of open items with those it has now (written
    /// with the dossier): the old rows removed, then — after, never in the same statement, as they may have the same
    /// keys — the new ones inserted; or, in one PostgreSQL statement, the rows of items no longer open removed and
    /// the others written over (`removal(keepingOpenIfIn:)`, `replacing`).
    struct Projection: Sendable {
        let code: String
        let insertions: [RowInsert]
        /// The items still open, whose rows one statement writes over rather than removes.
        let openItemIds: [Int]

        var removal: BoundStatement { "DELETE FROM open_work_items WHERE dossier_code = \(bind: code)" }

        /// Removes the rows of items no longer open, if the `WITH` part named `source` returned a row.
        func removal(keepingOpenIfIn source: String) -> BoundStatement {
            var statement = removal
            if !openItemIds.isEmpty {
                statement.append(" AND item_id NOT IN (")
                for (index, id) in openItemIds.enumerated() { statement.append(index == 0 ? "\(bind: id)" : ", \(bind: id)") }
                statement.append(")")
            }
            statement.append(" AND EXISTS (SELECT 1 FROM \(raw: source))")
            return statement
        }

        /// What an inserted row does to the row of the same item already there: writes it over.
        static let replacing: BoundStatement = """
            ON CONFLICT (dossier_code, item_id) DO UPDATE SET agency_code = EXCLUDED.agency_code, unit = EXCLUDED.unit,
              role = EXCLUDED.role, assignee = EXCLUDED.assignee, name = EXCLUDED.name, opened_at = EXCLUDED.opened_at,
              due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, warned = EXCLUDED.warned, escalated = EXCLUDED.escalated,
              alarm_at = EXCLUDED.alarm_at
            """
    }

    /// The projection of the dossier's open items; nil before its process starts (there are none, and never were:
    /// intake and acceptance write nothing here).
    static func projection(of dossier: Dossier) -> Projection? {
        guard dossier.state.work != nil else { return nil }
        let open = dossier.state.status.endsProcessing ? [] : (dossier.state.work?.openItems ?? [])
        return Projection(code: dossier.code, insertions: open.map { item in
            RowInsert(head: """
                INSERT INTO open_work_items (dossier_code, item_id, agency_code, unit, role, assignee, name, opened_at,
                  due_at, warn_at, warned, escalated, alarm_at)
                """, values: """
                \(bind: dossier.code), \(bind: item.id), \(bind: item.agencyCode), \(bind: item.unit),
                \(bind: item.role.rawValue), \(bind: item.assignee), \(bind: item.name), \(bind: item.openedAt.epochSeconds),
                \(bind: item.clock.due?.epochSeconds), \(bind: item.warnAt?.epochSeconds),
                \(bind: item.warnedAt == nil ? 0 : 1), \(bind: item.escalatedAt == nil ? 0 : 1),
                \(bind: StepAlarm.watchFrom(StepAlarm.Marks(item))?.epochSeconds)
                """)
        }, openItemIds: open.map(\.id))
    }

    /// Việc của tôi — the items an officer may work on at `now`: those they hold or cover for a colleague away
    /// (`AbsenceStore`), and those waiting in the queue of a role they hold in an agency; nearest deadline first
    /// (paused ones last); `filter` narrows it.
    public func queue(of officer: UserStore.Officer, at now: Date, filter: WorkQueueFilter = .all, limit: Int,
                      offset: Int) async throws -> (items: [Entry], total: Int) {
        let covering = try await AbsenceStore(database: database).covered(by: officer.username, at: now)
        var mine: SQLQueryString = "assignee IN (\(binds: [officer.username] + covering.sorted()))"
        for grant in officer.roles {
            mine = mine + " OR (assignee IS NULL AND agency_code = \(bind: grant.agencyCode) AND role = \(bind: grant.role.rawValue))"
        }
        let condition = "(" + mine + ") AND " + filter.condition(at: now)
        return try await database.read { db in
            let total = try await db.raw("SELECT COUNT(*) AS n FROM open_work_items WHERE \(condition)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let items = try await db.raw("""
                SELECT * FROM open_work_items WHERE \(condition)
                ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, dossier_code, item_id
                LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all().map(Self.entry)
            return (items, total)
        }
    }

    /// The open items an officer holds, whatever their deadline (before their roles change or their account is
    /// closed, these must pass to someone else).
    public func held(by username: String) async throws -> [Entry] {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM open_work_items WHERE assignee = \(bind: username) ORDER BY dossier_code, item_id
                """).all().map(Self.entry)
        }
    }

    /// Items the SLA watch must speak about at `now`: past their deadline and not yet escalated, or past their
    /// warning time and not yet warned; the alarm that came first, first. Looked up, in order, through the moment
    /// each item's next alarm comes (`alarm_at`, written by `StepAlarm.watchFrom`), with no sort; whether one is due
    /// is `StepAlarm`'s to say (an item whose deadline is this very second is read, not yet late, and comes last).
    public func alarmsDue(at now: Date, limit: Int) async throws -> [Entry] {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM open_work_items WHERE alarm_at <= \(bind: now.epochSeconds)
                ORDER BY alarm_at LIMIT \(bind: limit)
                """).all().filter { try StepAlarm.due(Self.marks($0), at: now) != nil }.map(Self.entry)
        }
    }

    /// Writes each open item's next alarm moment (`StepAlarm.watchFrom`) into `alarm_at`, for the rows already there
    /// when the column came (migration 22); the projection writes it for every row since.
    static func fillAlarmMoments(in db: any SQLDatabase) async throws {
        for row in try await db.raw("SELECT dossier_code, item_id, due_at, warn_at, warned, escalated FROM open_work_items").all() {
            guard let moment = StepAlarm.watchFrom(try marks(row)) else { continue }
            let code = try row.decode(column: "dossier_code", as: String.self), item = try row.decode(column: "item_id", as: Int.self)
            try await db.run("""
                UPDATE open_work_items SET alarm_at = \(bind: moment.epochSeconds) WHERE dossier_code = \(bind: code) AND item_id = \(bind: item)
                """)
        }
    }

    /// An open item's alarm marks as the row keeps them, in whole seconds.
    static func marks(_ row: any SQLRow) throws -> StepAlarm.Marks {
        StepAlarm.Marks(deadline: try row.decode(column: "due_at", as: Int?.self).map(Date.init(epochSeconds:)),
                        warnAt: try row.decode(column: "warn_at", as: Int?.self).map(Date.init(epochSeconds:)),
                        warned: try row.decode(column: "warned", as: Int.self) != 0,
                        escalated: try row.decode(column: "escalated", as: Int.self) != 0)
    }

    static func entry(_ row: any SQLRow) throws -> Entry {
        Entry(dossierCode: try row.decode(column: "dossier_code", as: String.self),
              itemId: try row.decode(column: "item_id", as: Int.self),
              agencyCode: try row.decode(column: "agency_code", as: String.self),
              unit: try row.decode(column: "unit", as: String.self),
              role: OfficerRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .specialist,
              assignee: try row.decode(column: "assignee", as: String?.self),
              name: try row.decode(column: "name", as: String.self),
              openedAt: Date(epochSeconds: try row.decode(column: "opened_at", as: Int.self)),
              dueAt: try row.decode(column: "due_at", as: Int?.self).map(Date.init(epochSeconds:)))
    }
}

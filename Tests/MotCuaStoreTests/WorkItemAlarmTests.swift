import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// The SLA watch's look-up of open items to speak about, through the index of each item's next alarm: it finds
/// exactly the items the rule names — past the deadline and not escalated, or past the warning time and neither
/// warned nor escalated, never while paused — whatever the order of the warning and the deadline, and none other.
@Suite struct WorkItemAlarmTests {
    static let now = 1_000_000

    /// One open item: whether it was warned or escalated, and its warning time and deadline relative to `now`.
    struct Case: Sendable, CustomStringConvertible {
        let warned: Bool
        let escalated: Bool
        let warnAt: Int?
        let dueAt: Int?

        /// The SLA watch's rule, said plainly: an item without a deadline (its clock paused) gets no alarm at all.
        var isDue: Bool {
            let now = WorkItemAlarmTests.now
            let pastDeadline = !escalated && (dueAt.map { $0 < now } ?? false)
            let pastWarning = !warned && !escalated && dueAt != nil && (warnAt.map { $0 <= now } ?? false)
            return pastDeadline || pastWarning
        }

        var marks: StepAlarm.Marks {
            StepAlarm.Marks(deadline: dueAt.map(Date.init(epochSeconds:)), warnAt: warnAt.map(Date.init(epochSeconds:)),
                            warned: warned, escalated: escalated)
        }

        var description: String { "warned \(warned), escalated \(escalated), warn at \(warnAt.map(String.init) ?? "-"), due at \(dueAt.map(String.init) ?? "-")" }
    }

    /// Every combination: each time missing, before, at or after `now`, the warning before or after the deadline.
    static let cases: [Case] = {
        let times: [Int?] = [nil, now - 20, now - 10, now, now + 10, now + 20]
        return [false, true].flatMap { warned in
            [false, true].flatMap { escalated in
                times.flatMap { warnAt in times.map { dueAt in Case(warned: warned, escalated: escalated, warnAt: warnAt, dueAt: dueAt) } }
            }
        }
    }()

    @Test(arguments: TestEngine.available)
    func theWatchFindsExactlyTheItemsTheRuleNames(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            try await database.write { db in
                try await Self.insertCases(in: db)
                // As the projection writes an open item: the moment its next alarm comes.
                for (index, item) in Self.cases.enumerated() {
                    try await db.run("""
                        UPDATE open_work_items SET alarm_at = \(bind: StepAlarm.watchFrom(item.marks)?.epochSeconds)
                        WHERE dossier_code = \(bind: "HS-\(index)")
                        """)
                }
            }
            let found = Set(try await WorkItemStore(database: database)
                .alarmsDue(at: Date(epochSeconds: Self.now), limit: Self.cases.count).map(\.dossierCode))
            for (index, item) in Self.cases.enumerated() {
                #expect(found.contains("HS-\(index)") == item.isDue, "\(item)")
            }
            #expect(found.count == Self.cases.filter(\.isDue).count)
        }
    }

    /// Open items already there when the column came (migration 22) get the moment `StepAlarm.watchFrom` gives.
    @Test(arguments: TestEngine.available)
    func itemsFromBeforeTheColumnGetTheirAlarmOnMigration(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            try await database.write { db in
                // The open items as migration 21 left them: two alarm indexes, no alarm column.
                for statement in ["DROP INDEX open_work_items_alarm_at", "ALTER TABLE open_work_items DROP COLUMN alarm_at",
                                  "CREATE INDEX open_work_items_due ON open_work_items (escalated, due_at)",
                                  "CREATE INDEX open_work_items_warn ON open_work_items (warned, warn_at)",
                                  "DELETE FROM schema_migrations WHERE version = 22"] {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await Self.insertCases(in: db)
            }
            #expect(try await Migrations.run(on: database) == [22])
            let stored = try await database.read { db in
                try await db.raw("SELECT dossier_code, alarm_at FROM open_work_items").all().reduce(into: [String: Int?]()) {
                    $0[try $1.decode(column: "dossier_code", as: String.self)] = try $1.decode(column: "alarm_at", as: Int?.self)
                }
            }
            for (index, item) in Self.cases.enumerated() {
                #expect(stored["HS-\(index)"] == .some(StepAlarm.watchFrom(item.marks)?.epochSeconds), "\(item)")
            }
        }
    }

    /// One open item per case, numbered `HS-<index>`, with its marks and no alarm moment.
    static func insertCases(in db: any SQLDatabase) async throws {
        for (index, item) in cases.enumerated() {
            try await db.run("""
                INSERT INTO open_work_items (dossier_code, item_id, agency_code, unit, role, assignee, name, opened_at,
                  due_at, warn_at, warned, escalated)
                VALUES (\(bind: "HS-\(index)"), 1, '000.30.01.H26', 'Phòng chuyên môn', 'chuyen-vien', NULL, 'Thẩm định', 0,
                  \(bind: item.dueAt), \(bind: item.warnAt), \(bind: item.warned ? 1 : 0), \(bind: item.escalated ? 1 : 0))
                """)
        }
    }

    /// SQLite finds them through the index, not by reading every open item.
    @Test func sqliteLooksThemUpThroughTheAlarmIndex() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            let plan = try await database.read { db in
                try await db.raw("""
                    EXPLAIN QUERY PLAN SELECT * FROM open_work_items WHERE alarm_at <= 5
                    ORDER BY alarm_at LIMIT 500
                    """).all().map { try $0.decode(column: "detail", as: String.self) }
            }
            #expect(plan.contains { $0.contains("USING INDEX open_work_items_alarm") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "read in the index's order, not sorted: \(plan)")
        }
    }
}

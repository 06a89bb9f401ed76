import Foundation
import MotCuaCore
import SQLKit

/// Lịch nghỉ được công bố của tỉnh — the province's table of announced days off and working Saturdays.
public struct CalendarStore: Sendable {
    let database: Database
    public let province: String

    public init(database: Database, province: String) {
        self.database = database
        self.province = province
    }

    public func announcedDays() async throws -> [AnnouncedDay] {
        try await database.read { db in
            try await db.raw("""
                SELECT day, kind, name, replaces FROM calendar_days WHERE province = \(bind: province) ORDER BY day
                """).all().compactMap { row in
                guard let date = CivilDate(iso: try row.decode(column: "day", as: String.self)),
                      let kind = AnnouncedDay.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                return AnnouncedDay(date: date, kind: kind, name: try row.decode(column: "name", as: String.self),
                                    replaces: try row.decode(column: "replaces", as: String?.self).flatMap(HolidayKind.init(rawValue:)))
            }
        }
    }

    /// Adds or replaces announced days (one per date).
    public func save(_ days: [AnnouncedDay]) async throws {
        let province = province
        try await database.write { db in
            try await TransactionLock.referenceData.take(for: "calendar_days", in: db)
            for day in days {
                try await db.raw("DELETE FROM calendar_days WHERE province = \(bind: province) AND day = \(bind: day.date.description)").run()
                try await db.raw("""
                    INSERT INTO calendar_days (province, day, kind, name, replaces) VALUES (\(bind: province),
                      \(bind: day.date.description), \(bind: day.kind.rawValue), \(bind: day.name), \(bind: day.replaces?.rawValue))
                    """).run()
            }
        }
    }

    /// Removes the announced day on `date`; false if there was none.
    public func remove(_ date: CivilDate) async throws -> Bool {
        let province = province
        return try await database.write { db in
            try await db.raw("""
                DELETE FROM calendar_days WHERE province = \(bind: province) AND day = \(bind: date.description) RETURNING day
                """).first() != nil
        }
    }
}

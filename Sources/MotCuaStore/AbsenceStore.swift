import Foundation
import MotCuaCore
import SQLKit

/// Lịch vắng mặt — officers' absences and who covers their work meanwhile (xử lý thay). An absence may not
/// overlap another of the same officer.
public struct AbsenceStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Saves an absence unless it overlaps one already recorded; returns the overlapping one instead.
    public func add(_ absence: Absence, recordedBy: String) async throws -> Absence? {
        try await database.write { db in
            try await TransactionLock.absences.take(for: absence.username, in: db)
            let clash = try await db.raw("""
                SELECT * FROM officer_absences WHERE username = \(bind: absence.username)
                  AND starts_at < \(bind: absence.endsAt.epochSeconds) AND ends_at > \(bind: absence.startsAt.epochSeconds)
                LIMIT 1
                """).first().map(Self.absence)
            if let clash { return clash }
            try await db.raw("""
                INSERT INTO officer_absences (username, starts_at, ends_at, substitute, reason, recorded_by)
                VALUES (\(bind: absence.username), \(bind: absence.startsAt.epochSeconds), \(bind: absence.endsAt.epochSeconds),
                  \(bind: absence.substitute), \(bind: absence.reason), \(bind: recordedBy))
                """).run()
            return nil
        }
    }

    /// The officers absent at `instant` whose work `substitute` covers.
    public func covered(by substitute: String, at instant: Date) async throws -> Set<String> {
        try await database.read { db in
            Set(try await db.raw("""
                SELECT username FROM officer_absences WHERE substitute = \(bind: substitute)
                  AND starts_at <= \(bind: instant.epochSeconds) AND ends_at > \(bind: instant.epochSeconds)
                """).all().map { try $0.decode(column: "username", as: String.self) })
        }
    }

    /// Absences not ended by `instant` of officers holding a role in one of the agencies, soonest first.
    public func current(at instant: Date, agencyCodes: [String]) async throws -> [Absence] {
        guard !agencyCodes.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw("""
                SELECT * FROM officer_absences WHERE ends_at > \(bind: instant.epochSeconds) AND username IN
                  (SELECT username FROM user_roles WHERE agency_code IN (\(binds: agencyCodes)))
                ORDER BY starts_at, username
                """).all().map(Self.absence)
        }
    }

    static func absence(_ row: any SQLRow) throws -> Absence {
        Absence(username: try row.decode(column: "username", as: String.self),
                startsAt: Date(epochSeconds: try row.decode(column: "starts_at", as: Int.self)),
                endsAt: Date(epochSeconds: try row.decode(column: "ends_at", as: Int.self)),
                substitute: try row.decode(column: "substitute", as: String.self),
                reason: try row.decode(column: "reason", as: String.self))
    }
}

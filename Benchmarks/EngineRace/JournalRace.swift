import Foundation
import MotCuaCore
import MotCuaStore

/// Sổ bước (thiết kế) — the design issue #3's goal would need (docs/STEP-JOURNAL.md), measured before it is built;
/// not MotCua's store today. Each dossier is held in memory by the task that moves it (its owner, as a server would
/// own its instances); each step is worked out by the same rules and engine as in the other modes, then appended as
/// one record through the product's own group commit, and acknowledged only once committed. The record (`race_steps`)
/// has the columns of the product's event row — keyed by the dossier's code and the step's number, which refuses a
/// second step from the same version — and the step's `DossierStatePatch` in its stored JSON, from which every
/// dossier is read back after the time measured. Nothing else is written: no dossier row, no audit entry, no open-work projection — what the product would
/// derive from the records.
extension EngineRace {
    static func journal(_ dossiers: RaceDossiers, _ options: RaceOptions) async throws -> [String: Any] {
        try await onNewDatabase(options) { try await appendSteps(dossiers, options, on: $0) }
    }

    private static func appendSteps(_ dossiers: RaceDossiers, _ options: RaceOptions, on database: Database) async throws -> [String: Any] {
        try await database.write { db in
            try await db.run("""
                CREATE TABLE race_steps (dossier_code TEXT NOT NULL, seq BIGINT NOT NULL, action TEXT NOT NULL,
                  actor TEXT NOT NULL, at BIGINT NOT NULL, from_status BIGINT, to_status BIGINT NOT NULL, reason TEXT,
                  due_after BIGINT, step_due_after BIGINT, work_item BIGINT, decision TEXT, assignee TEXT,
                  patch TEXT NOT NULL, PRIMARY KEY (dossier_code, seq))
                """)
        }
        let before = database.groupCommitStatistics ?? .init()
        let spentBefore = CPUSpent.now()
        let next = Ticket()
        let started = ContinuousClock.now
        let steps = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<options.concurrency {
                group.addTask {
                    var steps = 0
                    while case let index = next.take(), index < options.count {
                        var (dossier, event) = try dossiers.started(index, at: Date())
                        try await append(event, DossierStatePatch(from: nil, to: dossier.state), of: dossier.code, to: database)
                        var finished = false
                        while !finished {
                            let before = dossier.state
                            (event, finished) = try dossiers.step(&dossier, index: index, at: Date())
                            try await append(event, DossierStatePatch(from: before, to: dossier.state), of: dossier.code,
                                             to: database)
                            steps += 1
                        }
                    }
                    return steps
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = started.duration(to: .now)
        let statistics = database.groupCommitStatistics ?? .init()
        let spentAfter = CPUSpent.now()
        let (records, finished) = try await readBack(from: database)
        guard records == steps + options.count else { throw RaceError("\(records) records for \(steps + options.count) writes") }
        guard finished == options.count else { throw RaceError("\(finished) of \(options.count) dossiers read back finished") }
        var result = durableReport(options, elapsed: elapsed, steps: steps, commits: before, to: statistics,
                                   spent: spentAfter.microseconds(perWrite: statistics.writes - before.writes, since: spentBefore))
        result["engine"] = "motcua-step-journal-design-patch"
        return result
    }

    /// Every dossier's state read back from its records, after the time measured: each patch applied to the state
    /// the one before it left, in the order of the steps. Returns how many records there are and how many dossiers
    /// they leave finished.
    private static func readBack(from database: Database) async throws -> (records: Int, finished: Int) {
        let decoder = TreeJSONDecoder(dates: .secondsSince1970)
        let rows = try await database.read { db in
            try await db.raw("SELECT dossier_code, patch FROM race_steps ORDER BY dossier_code, seq").all()
        }
        var states: [String: DossierState] = [:]
        for row in rows {
            let code = try row.decode(column: "dossier_code", as: String.self)
            let patch = try decoder.decode(DossierStatePatch.self, from: try row.decode(column: "patch", as: String.self))
            states[code] = try DossierStatePatch.state(after: [patch], from: states[code])
        }
        return (rows.count, states.values.count { $0.status == .done })
    }

    /// The patches' stored form, as the product stores its JSON columns.
    private static let coding = SortedJSONEncoder(dates: .secondsSince1970)

    /// Appends a step's record, numbered by the version it made, and returns once it is committed.
    private static func append(_ event: DossierEvent, _ patch: DossierStatePatch, of code: String,
                               to database: Database) async throws {
        let stored = String(decoding: try coding.bytes(of: patch), as: UTF8.self)
        let seconds = { (date: Date) in Int(date.timeIntervalSince1970.rounded(.down)) }
        let (at, due, stepDue) = (seconds(event.at), event.dueAfter.map(seconds), event.stepDueAfter.map(seconds))
        try await database.write { db in
            try await db.run("""
                INSERT INTO race_steps (dossier_code, seq, action, actor, at, from_status, to_status, reason, due_after, \
                step_due_after, work_item, decision, assignee, patch) \
                VALUES (\(bind: code), \(bind: event.sequence), \(bind: event.action), \(bind: event.actor), \
                \(bind: at), \(bind: event.fromStatus?.rawValue), \(bind: event.toStatus.rawValue), \
                \(bind: event.reason), \(bind: due), \(bind: stepDue), \
                \(bind: event.workItem), \(bind: event.decision), \(bind: event.assignee), \(bind: stored))
                """)
        }
    }
}

import Foundation
import MotCuaCore
import MotCuaStore

/// Sổ bước (thiết kế) — the design issue #3's goal would need (docs/STEP-JOURNAL.md), measured before it is built;
/// not MotCua's store today. Each dossier is held in memory by the task that moves it (its owner, as a server would
/// own its instances); each step is worked out by the same rules and engine as in the other modes, then appended as
/// one record keyed as the product's events are (`race_steps`: the dossier's code and the step's number, its primary
/// key, which refuses a second step from the same version; the item, its node, the action, who, when, the decision,
/// the step's deadline) through the product's own group commit, and acknowledged only once committed. Nothing else is
/// written: no dossier row, no audit entry, no open-work projection — what the product would derive from the records.
extension EngineRace {
    static func journal(_ dossiers: RaceDossiers, _ options: RaceOptions) async throws -> [String: Any] {
        try await onNewDatabase(options) { try await appendSteps(dossiers, options, on: $0) }
    }

    private static func appendSteps(_ dossiers: RaceDossiers, _ options: RaceOptions, on database: Database) async throws -> [String: Any] {
        try await database.write { db in
            try await db.run("""
                CREATE TABLE race_steps (dossier_code TEXT NOT NULL, seq INTEGER NOT NULL, item INTEGER NOT NULL,
                  node TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, at INTEGER NOT NULL, decision TEXT,
                  due INTEGER, PRIMARY KEY (dossier_code, seq))
                """)
        }
        let before = database.groupCommitStatistics ?? .init()
        let next = Ticket()
        let started = ContinuousClock.now
        let steps = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<options.concurrency {
                group.addTask {
                    var steps = 0
                    while case let index = next.take(), index < options.count {
                        var (dossier, event) = try dossiers.started(index, at: Date())
                        try await append(event, in: dossier, to: database)
                        var finished = false
                        while !finished {
                            (event, finished) = try dossiers.step(&dossier, index: index, at: Date())
                            try await append(event, in: dossier, to: database)
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
        let records = try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM race_steps").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard records == steps + options.count else { throw RaceError("\(records) records for \(steps + options.count) writes") }
        var result = durableReport(options, elapsed: elapsed, steps: steps, commits: before, to: statistics)
        result["engine"] = "motcua-step-journal-design"
        return result
    }

    /// Appends a step's record, numbered by the version it made, and returns once it is committed.
    private static func append(_ event: DossierEvent, in dossier: Dossier, to database: Database) async throws {
        let item = event.workItem ?? dossier.state.work?.openItemsInPlace.first?.id ?? 0
        let node = dossier.state.work?.item(item)?.nodeId ?? ""
        let at = Int(event.at.timeIntervalSince1970)
        let due = event.stepDueAfter.map { Int($0.timeIntervalSince1970) }
        try await database.write { db in
            try await db.run("""
                INSERT INTO race_steps (dossier_code, seq, item, node, action, actor, at, decision, due) \
                VALUES (\(bind: dossier.code), \(bind: event.sequence), \(bind: item), \(bind: node), \(bind: event.action), \
                \(bind: event.actor), \(bind: at), \(bind: event.decision), \(bind: due))
                """)
        }
    }
}

import Foundation
import MotCuaCore
import MotCuaStore
import SQLKit
import Synchronization

/// Cuộc đua bộ máy quy trình — MotCua's rules and engine on the peer's process, 10,000 dossiers, every 10th sent
/// back once for a supplement; in `sqlite` mode each dossier's creation and each step is a transaction through
/// the product's own store (`DossierStore`: the dossier with its process instance, its event, the open-items
/// projection) and is acknowledged only once committed, with group commit gathering the steps of the dossiers
/// moving at once. Prints one JSON line, with the same names as the peer script's.
@main
struct EngineRace {
    static func main() async {
        do {
            let options = try RaceOptions(Array(CommandLine.arguments.dropFirst()))
            let calendar = WorkingCalendar(holidays: HolidayCalendar(announcements: try ReferenceData.announcedDays().days))
            let dossiers = try RaceDossiers(bpmn: try Data(contentsOf: URL(fileURLWithPath: options.bpmnPath)),
                                            calendar: calendar, supplementEvery: options.supplementEvery)
            let report = switch options.mode {
            case .mem: try inMemory(dossiers, options)
            case .sqlite: try await durable(dossiers, options)
            case .journal: try await journal(dossiers, options)
            }
            let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("engine race: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Every dossier from start to end, one after another, nothing written.
    static func inMemory(_ dossiers: RaceDossiers, _ options: RaceOptions) throws -> [String: Any] {
        let started = ContinuousClock.now
        var steps = 0
        for index in 0..<options.count {
            var (dossier, _) = try dossiers.started(index, at: Date())
            var finished = false
            while !finished {
                (_, finished) = try dossiers.step(&dossier, index: index, at: Date())
                steps += 1
            }
        }
        return report(options, elapsed: started.duration(to: .now), steps: steps)
    }

    /// Dossiers moving `options.concurrency` at a time; each write acknowledged once durable.
    static func durable(_ dossiers: RaceDossiers, _ options: RaceOptions) async throws -> [String: Any] {
        try await onNewDatabase(options) { try await race(dossiers, options, on: $0) }
    }

    /// Runs `body` on a new SQLite file at the options' path and durability, closed afterwards.
    static func onNewDatabase(_ options: RaceOptions, _ body: (Database) async throws -> [String: Any]) async throws -> [String: Any] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.databasePath + suffix) }
        return try await Database.open(options.databasePath, durability: options.durability).closedAfter(body)
    }

    static func race(_ dossiers: RaceDossiers, _ options: RaceOptions, on database: Database) async throws -> [String: Any] {
        try await Migrations.run(on: database)
        let before = database.groupCommitStatistics ?? .init()
        let spentBefore = CPUSpent.now()
        let next = Ticket()
        let store = DossierStore(database: database)
        let started = ContinuousClock.now
        let (steps, latencies) = try await withThrowingTaskGroup(of: (Int, [Duration]).self) { group in
            for _ in 0..<options.concurrency {
                group.addTask {
                    var steps = 0
                    var latencies: [Duration] = []
                    while case let index = next.take(), index < options.count {
                        let (dossier, event) = try dossiers.started(index, at: Date())
                        let new = try NewDossier(dossier)
                        _ = try await database.write { db in
                            try await DossierStore.insert(new, code: dossier.code, event: event, in: db)
                        }
                        var finished = false
                        while !finished {
                            let asked = ContinuousClock.now
                            let change: DossierChange
                            (change, finished) = try await step(dossier.code, index: index, dossiers, reading: store)
                            guard try await database.write({ db in try await DossierStore.save(change, in: db) }) else {
                                throw RaceError("\(dossier.code) was moved by someone else")
                            }
                            latencies.append(asked.duration(to: .now))
                            steps += 1
                        }
                    }
                    return (steps, latencies)
                }
            }
            return try await group.reduce(into: (0, [Duration]())) { $0.0 += $1.0; $0.1 += $1.1 }
        }
        // Every step's audit entry in the chain, inside the time measured: on SQLite chained with the step, on
        // PostgreSQL sealed here (a server seals every second).
        let audit = AuditLog(database: database)
        try await audit.seal()
        let elapsed = started.duration(to: .now)
        let statistics = database.groupCommitStatistics ?? .init()
        let spentAfter = CPUSpent.now()
        let done = try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM dossiers WHERE status = \(bind: DossierStatus.done.rawValue)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard done == options.count else { throw RaceError("\(done) of \(options.count) dossiers finished") }
        let chained = try await audit.verify()
        guard chained == steps + options.count else { throw RaceError("\(chained) audit entries for \(steps + options.count) writes") }
        try await database.read { try await $0.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        let sorted = latencies.sorted()
        var result = durableReport(options, elapsed: elapsed, steps: steps, commits: before, to: statistics,
                                   spent: spentAfter.microseconds(perWrite: statistics.writes - before.writes, since: spentBefore))
        result["step_latency_ms"] = ["p50": milliseconds(sorted[sorted.count / 2]),
                                     "p99": milliseconds(sorted[sorted.count * 99 / 100]),
                                     "max": milliseconds(sorted[sorted.count - 1])]
        let size = (try? FileManager.default.attributesOfItem(atPath: options.databasePath)[.size] as? Int) ?? 0
        result["db_file_MiB"] = rounded(Double(size) / 1_048_576, 1)
        return result
    }

    /// One step as a server takes it: the dossier as last committed (as the server holds it), the rules applied and
    /// the change written out before the write, which saves it only if nobody moved the dossier meanwhile.
    static func step(_ code: String, index: Int, _ dossiers: RaceDossiers, reading store: DossierStore) async throws -> (DossierChange, finished: Bool) {
        guard let current = try await store.lastCommitted(code: code) else { throw RaceError("\(code) vanished") }
        var moved = current
        let (event, finished) = try dossiers.step(&moved, index: index, at: Date())
        return (try DossierChange(moved, from: current.state, event: event), finished)
    }

    /// `report`, with the durability, the dossiers moving at once and what group commit did between two of its
    /// counts: the writes, the commits, writes per commit and per second.
    static func durableReport(_ options: RaceOptions, elapsed: Duration, steps: Int, commits before: GroupCommit.Statistics,
                              to after: GroupCommit.Statistics, spent: (process: Double, writer: Double)) -> [String: Any] {
        let writes = after.writes - before.writes, commits = after.commits - before.commits
        var result = report(options, elapsed: elapsed, steps: steps)
        result["sync"] = options.durability.rawValue
        result["concurrency"] = options.concurrency
        result["db_writes(transactions)"] = writes
        result["commits"] = commits
        result["writes_per_commit"] = rounded(Double(writes) / Double(max(commits, 1)), 1)
        result["writes_per_s"] = rounded(Double(writes) / seconds(elapsed), 1)
        result["cpu_us_per_write"] = rounded(spent.process, 1)
        result["writer_cpu_us_per_write"] = rounded(spent.writer, 1)
        return result
    }

    static func report(_ options: RaceOptions, elapsed: Duration, steps: Int) -> [String: Any] {
        let total = seconds(elapsed)
        return ["engine": "motcua", "mode": options.mode.rawValue, "n": options.count,
                "supplement_every": options.supplementEvery, "elapsed_s": rounded(total, 3),
                "instances_per_s": rounded(Double(options.count) / total, 1), "user_task_steps": steps,
                "steps_per_instance": rounded(Double(steps) / Double(options.count), 3),
                "steps_per_s": rounded(Double(steps) / total, 1), "us_per_step": rounded(total / Double(steps) * 1e6, 1),
                "peak_rss_MiB": rounded(Double(peakResidentKiB()) / 1024, 1)]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> Double { rounded(seconds(duration) * 1000, 2) }

    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    /// VmHWM from /proc/self/status: the most resident memory the process has had.
    static func peakResidentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}

/// Số thứ tự — hands out dossier numbers to the workers, each number once.
final class Ticket: Sendable {
    private let counter = Atomic(0)

    func take() -> Int { counter.add(1, ordering: .relaxed).oldValue }
}

import Foundation
import Logging
import MotCuaCore
import MotCuaStore
import ServiceLifecycle

/// Theo dõi thời hạn bước — the background job that finds work items nearing or past their step deadline and
/// records a warning or an escalation event on the dossier, once per item. Safe with several server processes on
/// one database: a lease in the database lets one of them sweep at a time, and each event is written only if
/// the dossier is still at the version the sweep read.
public struct SLAWatch: Service {
    let database: Database
    let lease: JobLease
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    /// The most items handled in one sweep; the rest wait for the next.
    static let batch = 500

    public init(database: Database, holder: String, interval: Duration, now: @escaping @Sendable () -> Date, logger: Logger) {
        self.database = database
        self.lease = JobLease(database: database, job: "sla-watch", holder: holder)
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await Periodically.run(every: interval, job: "SLA watch", logger: logger) {
            let raised = try await sweep()
            if raised > 0 { logger.info("SLA watch: \(raised) cảnh báo/báo quá hạn") }
        }
        try? await lease.release()
    }

    /// One sweep, if this process holds the lease; returns how many events it recorded.
    public func sweep() async throws -> Int {
        let instant = now()
        let leaseSeconds = max(Int(interval.components.seconds) * 3, 10)
        guard try await lease.acquire(now: instant, seconds: leaseSeconds) else { return 0 }
        var raised = 0
        for entry in try await WorkItemStore(database: database).alarmsDue(at: instant, limit: Self.batch) {
            if try await raise(on: entry, at: instant) { raised += 1 }
        }
        return raised
    }

    /// Records the item's alarm, worked out from the dossier as last committed and saved in one transaction; false
    /// when the dossier moved on meanwhile (the next sweep looks again) or needs none.
    func raise(on entry: WorkItemStore.Entry, at instant: Date) async throws -> Bool {
        guard var dossier = try await DossierStore(database: database).lastCommitted(code: entry.dossierCode) else { return false }
        let before = dossier.state
        guard let (next, alarm, item) = StepAlarm.raise(on: entry.itemId, in: before, at: instant) else { return false }
        dossier.state = next
        let event = DossierEvent(alarm.rawValue, by: DossierEvent.system, at: instant, from: before, to: next,
                                 reason: alarm.message(for: item), item: item, stepDue: item.clock.due)
        let change = try DossierChange(dossier, from: before, event: event)
        return try await database.write { db in try await DossierStore.save(change, in: db) }
    }
}

import Foundation
import SQLKit

/// Quyền chạy tác vụ nền — a lease in the database that lets one server process at a time run a background
/// job (the SLA watch). A holder renews it while it runs; if the holder dies, another takes over once it expires.
public struct JobLease: Sendable {
    let database: Database
    public let job: String
    /// Who holds it: unique per server process.
    public let holder: String

    public init(database: Database, job: String, holder: String) {
        self.database = database
        self.job = job
        self.holder = holder
    }

    /// Takes or renews the lease until `now + seconds`; false if another holder's lease is still running.
    public func acquire(now: Date, seconds: Int) async throws -> Bool {
        let until = now.epochSeconds + seconds
        return try await database.write { db in
            try await db.raw("""
                INSERT INTO job_leases (job, holder, expires_at) VALUES (\(bind: job), \(bind: holder), \(bind: until))
                ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= \(bind: now.epochSeconds)
                """).run()
            let row = try await db.raw("SELECT holder FROM job_leases WHERE job = \(bind: job)").first()
            return try row?.decode(column: "holder", as: String.self) == holder
        }
    }

    /// Gives the lease up (on shutdown), so another process need not wait for it to expire.
    public func release() async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM job_leases WHERE job = \(bind: job) AND holder = \(bind: holder)").run()
        }
    }
}

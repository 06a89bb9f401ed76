import Foundation
import Logging
import SQLKit
import Synchronization

/// Ghi gộp (group commit) — SQLite's one writer connection, shared by every request that writes: the writes
/// waiting when the connection comes free run one after another in one transaction, each inside its own
/// savepoint (a write that fails is undone alone), and one COMMIT makes them all durable together. Each caller
/// is answered only after that COMMIT: nothing is acknowledged before it is on disk, and one fsync serves many
/// requests. With one request at a time a batch holds one write, and nothing waits for company.
public final class GroupCommit: Sendable {
    /// A write waiting for its turn: run it inside the batch's transaction, then report the commit's outcome.
    struct Job: Sendable {
        /// Runs the write in its savepoint; returns what to tell the caller once the commit's outcome is known.
        let run: @Sendable (any SQLDatabase) async -> @Sendable (_ commitError: (any Error)?) -> Void
        /// Tells the caller its write never ran.
        let fail: @Sendable (any Error) -> Void
    }

    /// The most writes one transaction takes, so a burst cannot hold the lock indefinitely.
    static let maxBatch = 1024

    /// How many writes were committed in how many transactions since the database was opened.
    public struct Statistics: Sendable, Hashable {
        public var writes = 0
        public var commits = 0

        public init() {}
    }

    private let connection: DirectSQLite
    private let database: DirectSQLDatabase
    private let checkpoints: Checkpointer
    /// Where the batches run, their statements and their commits, so that waiting for the disk holds no core.
    private let thread = WriterThread()
    private let queue = Mutex<(pending: [Job], draining: Bool)>(([], false))
    private let counts = Mutex(Statistics())

    var statistics: Statistics { counts.withLock { $0 } }

    init(connection: DirectSQLite, checkpoints: Checkpointer, logger: Logger) {
        self.connection = connection
        self.checkpoints = checkpoints
        database = DirectSQLDatabase(connection: connection, logger: logger)
    }

    /// Closes the connection and ends the writer's thread; no write may be waiting or running.
    func close() {
        connection.close()
        thread.stop()
    }

    /// Runs `body` in the next batch and returns its result once the batch is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(run: { db in
                do {
                    try await db.run("SAVEPOINT motcua_write")
                    let value = try await body(db)
                    try await db.run("RELEASE motcua_write")
                    return { commitError in
                        if let commitError { continuation.resume(throwing: commitError) } else { continuation.resume(returning: value) }
                    }
                } catch {
                    try? await db.run("ROLLBACK TO motcua_write")
                    try? await db.run("RELEASE motcua_write")
                    return { _ in continuation.resume(throwing: error) }
                }
            }, fail: { continuation.resume(throwing: $0) })
            submit(job)
        }
    }

    private func submit(_ job: Job) {
        let startDraining = queue.withLock { state in
            state.pending.append(job)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if startDraining { Task(executorPreference: thread) { await self.drain() } }
    }

    /// Commits batches until no write is waiting.
    private func drain() async {
        while true {
            let batch = queue.withLock { state in
                let batch = Array(state.pending.prefix(Self.maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Job]) async {
        let db = database
        do {
            try await db.run("BEGIN IMMEDIATE")
        } catch {
            for job in batch { job.fail(error) }
            return
        }
        var answers: [@Sendable ((any Error)?) -> Void] = []
        answers.reserveCapacity(batch.count)
        for job in batch { answers.append(await job.run(db)) }
        var commitError: (any Error)?
        do {
            try await db.run("COMMIT")
            counts.withLock {
                $0.commits += 1
                $0.writes += batch.count
            }
        } catch {
            commitError = error
            try? await db.run("ROLLBACK")
        }
        for answer in answers { answer(commitError) }
        checkpoints.restartLogIfAsked(on: connection)
    }
}

import Foundation
import Logging
import SQLKit
import Synchronization

/// Ghi gộp (group commit) — SQLite's one writer connection, shared by every request that writes: the writes
/// waiting when the connection comes free run one after another in one transaction, and one COMMIT makes them all
/// durable together. Each caller is answered only after that COMMIT: nothing is acknowledged before it is on disk,
/// and one fsync serves many requests. With one request at a time a batch holds one write, and nothing waits for
/// company.
///
/// A write that fails is undone alone. Almost every write that fails does so before it changes anything (a stale
/// version, a reused key, a refused check), so a batch first runs its writes as they are, and a failed write that
/// changed no row and no table costs nothing to leave out. Only when one fails after changing something is the
/// batch rolled back and run again with each write in a savepoint of its own (`SAVEPOINT` before it, `ROLLBACK
/// TO` if it fails): the savepoints, and the copies of every page each write touched, are paid only then.
///
/// A caller whose request has a deadline (`AnswerDeadline`) is not kept waiting past it: `DatabaseDidNotAnswer`, and
/// its write, if the writer has not come to it yet, is taken out of the queue and never run. One already in the batch
/// is committed with it when the disk answers; its caller, told it may or may not be done, retries with its key.
///
/// What a write asks done once committed (`DirectSQLDatabase.afterCommit`: the dossiers it leaves kept in memory,
/// `CommittedDossiers`) is done by its caller after the COMMIT, off the writer's thread (`CommitFollowUps`).
public final class GroupCommit: Sendable {
    /// A write waiting for its turn: run it inside the batch's transaction, then report the commit's outcome.
    struct Job: AwaitedWork {
        let deadline: AnswerDeadline?
        /// Runs the write — in a savepoint of its own when asked — and says whether it threw and how to answer its
        /// caller once the commit's outcome is known.
        let run: @Sendable (_ db: any SQLDatabase, _ inSavepoint: Bool) async -> Attempt
        let fail: @Sendable (any Error) -> Void
    }

    /// What running a write gave: whether it threw, and the answer to send its caller with the commit's outcome
    /// (one that threw is told its own error, whatever the commit).
    struct Attempt: Sendable {
        let threw: Bool
        let answer: @Sendable (_ commitError: (any Error)?) -> Void
    }

    /// How a pass over a batch ended.
    private enum Pass {
        /// Every write ran; these are their answers, to send after the COMMIT.
        case ran([@Sendable ((any Error)?) -> Void])
        /// A write failed after changing something; the batch is rolled back, to run again with savepoints.
        case rolledBack
        /// The transaction could not begin or SQLite ended it; every caller has been answered.
        case ended
    }

    /// The writes given to the writer, and how far it has come with them.
    private struct Queue {
        /// Waiting for the writer.
        var pending: [Job] = []
        /// Of the batch under way, until their callers are answered.
        var running: [Job] = []
        /// The writer has writes to run (it runs until none is waiting).
        var draining = false
    }

    /// The most writes one transaction takes, so a burst cannot hold the lock indefinitely.
    static let maxBatch = 1024

    /// How many writes were committed in how many transactions since the database was opened.
    public struct Statistics: Sendable, Hashable {
        public var writes = 0
        public var commits = 0
        /// Batches run a second time, each write in a savepoint, because one failed after changing something.
        public var runsWithSavepoints = 0

        public init() {}
    }

    private let connection: DirectSQLite
    private let database: DirectSQLDatabase
    private let checkpoints: Checkpointer
    let committedDossiers = CommittedDossiers()
    private let followUps = CommitFollowUps()
    /// Where the batches run, their statements and their commits, so that waiting for the disk holds no core.
    private let thread = ConnectionThread(name: .writer)
    private let queue = Mutex(Queue())
    private let deadlines = DeadlineWatch()
    private let counts = Mutex(Statistics())

    var statistics: Statistics { counts.withLock { $0 } }

    init(connection: DirectSQLite, checkpoints: Checkpointer, logger: Logger) {
        self.connection = connection
        self.checkpoints = checkpoints
        database = DirectSQLDatabase(connection: connection, logger: logger, followUps: followUps, committedDossiers: committedDossiers)
        deadlines.start { [weak self] now in self?.takeOverdueCallers(at: now) }
    }

    /// Closes the connection and ends the writer's thread; no write may be waiting or running.
    func close() {
        deadlines.stop()
        connection.close()
        thread.stop()
    }

    /// Runs `body` in the next batch and returns its result once the batch is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let followUps = followUps
        let (value, asked) = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<(T, [@Sendable () -> Void]), any Error>) in
            let answer = OnceAnswer(continuation)
            let job = Job(deadline: AnswerDeadline.current, run: { db, inSavepoint in
                if answer.isGiven { return Attempt(threw: true) { _ in } }
                do {
                    if inSavepoint { try await db.run("SAVEPOINT motcua_write") }
                    let value = try await body(db)
                    if inSavepoint { try await db.run("RELEASE motcua_write") }
                    let asked = followUps.take()
                    return Attempt(threw: false) { commitError in answer(commitError.map { .failure($0) } ?? .success((value, asked))) }
                } catch {
                    _ = followUps.take()
                    if inSavepoint {
                        try? await db.run("ROLLBACK TO motcua_write")
                        try? await db.run("RELEASE motcua_write")
                    }
                    return Attempt(threw: true) { _ in answer(.failure(error)) }
                }
            }, fail: { answer(.failure($0)) })
            submit(job)
        }
        for action in asked { action() }
        return value
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
            var batch = queue.withLock { state in
                let batch = Array(state.pending.prefix(Self.maxBatch))
                state.pending.removeFirst(batch.count)
                state.running = batch
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(&batch)
        }
    }

    /// Runs and commits a batch, then answers its callers — once the writes, and all they captured (the dossiers
    /// and statements their callers drafted), are let go of (`batch` emptied): a caller done with what it drafted
    /// frees it on its own thread, not on this one, which every write waits for.
    private func commit(_ batch: inout [Job]) async {
        var pass = await run(batch, inSavepoints: false)
        if case .rolledBack = pass {
            counts.withLock { $0.runsWithSavepoints += 1 }
            pass = await run(batch, inSavepoints: true)
        }
        guard case .ran(let answers) = pass else { return }
        let db = database
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
        batch.removeAll()
        queue.withLock { $0.running.removeAll() }
        for answer in answers { answer(commitError) }
        checkpoints.restartLogIfAsked(on: connection)
    }

    /// The callers whose deadline has passed at `now`, for the watch to give up on: those waiting for the writer,
    /// whose writes leave the queue, and those of the batch under way, whose writes go on.
    private func takeOverdueCallers(at now: ContinuousClock.Instant) -> [Job] {
        queue.withLock { $0.pending.removeOverdue(at: now) + $0.running.filter { $0.isOverdue(at: now) } }
    }

    /// Runs every write of the batch in one new transaction, leaving it open for the COMMIT. Without savepoints, a
    /// write that throws after changing a row or the schema rolls the transaction back (`.rolledBack`); with them,
    /// it is undone alone. A transaction SQLite ends by itself (after a full disk or an I/O error) takes every
    /// write before it with it: all the batch is told so (`.ended`).
    private func run(_ batch: [Job], inSavepoints: Bool) async -> Pass {
        let db = database
        let schemaAtStart: Int64
        do {
            try await db.run("BEGIN IMMEDIATE")
            schemaAtStart = inSavepoints ? 0 : try connection.schemaVersion()
        } catch {
            if connection.isInTransaction { try? await db.run("ROLLBACK") }
            for job in batch { job.fail(error) }
            return .ended
        }
        var answers: [@Sendable ((any Error)?) -> Void] = []
        answers.reserveCapacity(batch.count)
        for (index, job) in batch.enumerated() {
            let changesBefore = connection.totalChanges
            let attempt = await job.run(db, inSavepoints)
            guard connection.isInTransaction else {
                let lost = TransactionEnded()
                for answer in answers { answer(lost) }
                attempt.answer(lost)
                for waiting in batch[(index + 1)...] { waiting.fail(lost) }
                return .ended
            }
            if attempt.threw, !inSavepoints,
               connection.totalChanges != changesBefore || (try? connection.schemaVersion()) != schemaAtStart {
                try? await db.run("ROLLBACK")
                return .rolledBack
            }
            answers.append(attempt.answer)
        }
        return .ran(answers)
    }
}

/// SQLite ended the batch's transaction by itself (after a full disk or an I/O error): none of its writes was kept.
struct TransactionEnded: Error {}

import Foundation
import Logging
import Synchronization

/// Lecteurs — the SQLite read connections: a few connections through SQLite's C interface (`DirectSQLite`,
/// read-only, statements prepared once), each on a thread of its own (`ConnectionThread`), so reads run side by
/// side with each other and with the writer (WAL), and a read waiting for a disk that does not answer holds its
/// reader's thread, never a thread of Swift's shared pool, which the server needs to answer anyone.
///
/// A read is queued for the first reader free and runs there whole. Its caller waits for it no longer than its
/// request's deadline (`AnswerDeadline`): past it, a read still queued leaves the queue and never runs, and one
/// under way goes on until the disk answers, its caller told `DatabaseDidNotAnswer` at once.
final class ReaderPool: Sendable {
    /// A read waiting for a reader: run it on the reader's connection and answer its caller.
    struct Job: AwaitedWork {
        let deadline: AnswerDeadline?
        let run: @Sendable (DirectSQLDatabase) async -> Void
        let fail: @Sendable (any Error) -> Void
    }

    /// One connection and the thread its reads run on.
    private final class Reader: Sendable {
        let number: Int
        let database: DirectSQLDatabase
        let thread = ConnectionThread(name: .reader)

        init(number: Int, database: DirectSQLDatabase) {
            self.number = number
            self.database = database
        }
    }

    private struct State {
        var idle: [Reader]
        /// Waiting for a reader, in the order they came.
        var pending: [Job] = []
        /// Under way, by reader's number, until their reader is done with them.
        var running: [Int: Job] = [:]
    }

    private let state: Mutex<State>
    private let all: [Reader]
    private let deadlines = DeadlineWatch()

    /// One reader per core (two at least): a read holds its reader only while SQLite steps, which keeps a core
    /// busy, so more readers would only take turns on the same cores. A long read (a year's report) holds one
    /// reader for as long as it runs, as it held one of the shared pool's threads when reads ran there.
    static var size: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    init(path: String, size: Int = ReaderPool.size, logger: Logger) throws {
        var connections: [DirectSQLite] = []
        do {
            for _ in 0..<size {
                let connection = try DirectSQLite.open(path: path)
                connections.append(connection)
                for pragma in ["PRAGMA query_only=1", "PRAGMA busy_timeout=\(Database.busyTimeoutMilliseconds)"] { try connection.execute(pragma, []) { _, _ in } }
            }
        } catch {
            connections.forEach { $0.close() }
            throw error
        }
        all = connections.enumerated().map { Reader(number: $0, database: DirectSQLDatabase(connection: $1, logger: logger)) }
        state = Mutex(State(idle: all))
        deadlines.start { [weak self] now in self?.takeOverdueCallers(at: now) }
    }

    /// Runs `body` on a reader's connection, as SQLKit's `SQLDatabase`, and returns what it gives.
    func read<T: Sendable>(_ body: @escaping @Sendable (DirectSQLDatabase) async throws -> T) async throws -> T {
        try AnswerDeadline.checkNotPassed()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let answer = OnceAnswer(continuation)
            submit(Job(deadline: AnswerDeadline.current, run: { db in
                if answer.isGiven { return }
                do { answer(.success(try await body(db))) } catch { answer(.failure(error)) }
            }, fail: { answer(.failure($0)) }))
        }
    }

    private func submit(_ job: Job) {
        let free: Reader? = state.withLock { state in
            guard let reader = state.idle.popLast() else {
                state.pending.append(job)
                return nil
            }
            state.running[reader.number] = job
            return reader
        }
        if let free { Task(executorPreference: free.thread) { await self.serve(job, on: free) } }
    }

    /// Runs `job` on `reader`, then the reads that came meanwhile, until none is waiting.
    private func serve(_ job: Job, on reader: Reader) async {
        var next: Job? = job
        while let job = next {
            await job.run(reader.database)
            next = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.running[reader.number] = nil
                    state.idle.append(reader)
                    return nil
                }
                let job = state.pending.removeFirst()
                state.running[reader.number] = job
                return job
            }
        }
    }

    /// The callers whose deadline has passed at `now`, for the watch to give up on: those waiting for a reader, whose
    /// reads leave the queue, and those whose read is under way, which goes on.
    private func takeOverdueCallers(at now: ContinuousClock.Instant) -> [Job] {
        state.withLock { $0.pending.removeOverdue(at: now) + $0.running.values.filter { $0.isOverdue(at: now) } }
    }

    /// Closes every connection and ends the readers' threads (once no read is running).
    func close() {
        deadlines.stop()
        for reader in all {
            reader.database.connection.close()
            reader.thread.stop()
        }
    }
}

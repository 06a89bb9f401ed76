import Foundation
import Logging
import Synchronization

/// Chép nhật ký ghi vào tệp (checkpoint) — copies the write-ahead log back into the database file on a thread
/// and connection of its own, each time the log has grown by `pagesBetweenCheckpoints` since the last one.
///
/// SQLite's automatic checkpoint runs inside a commit, on the writer: every thousand pages one batch of requests
/// waited for the whole copy and its `fsync` of the database file. A passive checkpoint from another connection
/// copies what no reader still needs while the writer goes on committing to the log.
///
/// The log starts again from its beginning only once everything in it is copied and no reader still reads from it.
/// While the writer commits without pause that never happens by itself — each pass ends with more pages appended
/// meanwhile — and the log would grow without end (by 35 MB a second under the engine race), every commit
/// extending the file. So when a pass finds the log past `pagesBeforeRestart`, the writer, between two batches,
/// copies the little left and waits briefly for the readers (`restartLogIfAsked`), and its next commit writes the
/// log from its beginning again, over pages the file already has.
final class Checkpointer: Sendable {
    /// SQLite's own default for its automatic checkpoint.
    static let pagesBetweenCheckpoints = 1000
    /// How long the log may grow before the writer restarts it.
    static let pagesBeforeRestart = 4 * pagesBetweenCheckpoints
    /// The longest the writer waits for readers still reading from the log before giving up until the next pass.
    static let restartWaitMilliseconds = 20

    private let connection: DirectSQLite
    private let requested = Atomic(false)
    /// Read and written only by the writer's commits, one after another.
    private let pagesWhenAsked = Atomic(0)
    private let wake = DispatchSemaphore(value: 0)
    private let restartAsked = Atomic(false)
    private let logger: Logger
    private let stopped = Atomic(false)
    /// Whether the thread has closed its connection, and who waits for it to (`stop`).
    private let closing = Mutex<(closed: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    /// Opens its own connection to `path` and starts listening to `writer`'s commits.
    init(path: String, durability: Database.Durability, watching writer: DirectSQLite, logger: Logger) throws {
        let connection = try DirectSQLite.open(path: path)
        do {
            for pragma in ["PRAGMA synchronous=\(durability.rawValue)", "PRAGMA busy_timeout=\(Database.busyTimeoutMilliseconds)"] {
                try connection.execute(pragma, []) { _, _ in }
            }
        } catch {
            connection.close()
            throw error
        }
        self.connection = connection
        self.logger = logger
        Thread { [self] in run() }.start()
        writer.whenCommitted { [self] pages in
            // Grown since the last checkpoint was asked for — all of it, if the log has started again since.
            let asked = pagesWhenAsked.load(ordering: .relaxed)
            let grown = pages < asked ? pages : pages - asked
            if grown >= Self.pagesBetweenCheckpoints {
                pagesWhenAsked.store(pages, ordering: .relaxed)
                request()
            }
        }
    }

    /// Asks for a checkpoint; asking again before it starts asks nothing more.
    func request() {
        if !requested.exchange(true, ordering: .acquiringAndReleasing) { wake.signal() }
    }

    /// Ends the thread, and returns once it has closed its connection (after a checkpoint under way): the
    /// database's last connection to close folds the log back into the file, which must be done when the
    /// database's `close` returns — a copy taken then (`Backup`) is the whole database.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let closed = closing.withLock { state in
                if !state.closed { state.waiting.append(continuation) }
                return state.closed
            }
            if closed { continuation.resume() }
            stopped.store(true, ordering: .releasing)
            wake.signal()
        }
    }

    /// On the writer's connection, between two batches: if a pass found the log too long, copies the rest of it
    /// and waits up to `restartWaitMilliseconds` for readers to leave it, so the next commit starts it again.
    /// Not finishing in time is no fault: the next pass asks again.
    func restartLogIfAsked(on writer: DirectSQLite) {
        guard restartAsked.exchange(false, ordering: .acquiringAndReleasing) else { return }
        do {
            try writer.execute("PRAGMA busy_timeout=\(Self.restartWaitMilliseconds)", []) { _, _ in }
            defer { try? writer.execute("PRAGMA busy_timeout=\(Database.busyTimeoutMilliseconds)", []) { _, _ in } }
            try writer.execute("PRAGMA wal_checkpoint(RESTART)", []) { _, _ in }
        } catch {
            logger.warning("restarting the write-ahead log failed: \(error)")
        }
    }

    private func run() {
        ThreadName.checkpointer.nameCurrentThread()
        while true {
            wake.wait()
            if stopped.load(ordering: .acquiring) {
                connection.close()
                let waiting = closing.withLock { state in
                    state.closed = true
                    defer { state.waiting = [] }
                    return state.waiting
                }
                waiting.forEach { $0.resume() }
                return
            }
            requested.store(false, ordering: .releasing)
            do {
                var logPages = 0
                try connection.execute("PRAGMA wal_checkpoint(PASSIVE)", []) { columns, values in
                    if let index = columns.firstIndex(of: "log"), case .integer(let pages) = values[index] { logPages = pages }
                }
                if logPages >= Self.pagesBeforeRestart { restartAsked.store(true, ordering: .releasing) }
            } catch {
                // The next commit past the mark asks again; the log only grows meanwhile.
                logger.warning("checkpoint failed: \(error)")
            }
        }
    }
}

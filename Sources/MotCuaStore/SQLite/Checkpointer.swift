import Foundation
import Logging
import Synchronization

/// Chép nhật ký ghi vào tệp (checkpoint) — copies the write-ahead log back into the database file on a thread
/// and connection of its own, each time the log has grown by `pagesBetweenCheckpoints` since the last one.
///
/// SQLite's automatic checkpoint runs inside a commit, on the writer: every thousand pages one batch of requests
/// waited for the whole copy and its `fsync` of the database file. A passive checkpoint from another connection
/// copies what no reader still needs while the writer goes on committing to the log; the log starts again from its
/// beginning once everything in it is copied.
final class Checkpointer: Sendable {
    /// SQLite's own default for its automatic checkpoint.
    static let pagesBetweenCheckpoints = 1000

    private let connection: DirectSQLite
    private let requested = Atomic(false)
    /// Read and written only by the writer's commits, one after another.
    private let pagesWhenAsked = Atomic(0)
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = Atomic(false)

    /// Opens its own connection to `path` and starts listening to `writer`'s commits.
    init(path: String, durability: Database.Durability, watching writer: DirectSQLite, logger: Logger) throws {
        let connection = try DirectSQLite.open(path: path)
        do {
            for pragma in ["PRAGMA synchronous=\(durability.rawValue)", "PRAGMA busy_timeout=10000"] {
                try connection.execute(pragma, []) { _, _ in }
            }
        } catch {
            connection.close()
            throw error
        }
        self.connection = connection
        Thread { [self] in run(logger: logger) }.start()
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

    /// Ends the thread and closes its connection once a checkpoint under way has finished.
    func stop() {
        stopped.store(true, ordering: .releasing)
        wake.signal()
    }

    private func run(logger: Logger) {
        while true {
            wake.wait()
            if stopped.load(ordering: .acquiring) {
                connection.close()
                return
            }
            requested.store(false, ordering: .releasing)
            do {
                try connection.execute("PRAGMA wal_checkpoint(PASSIVE)", []) { _, _ in }
            } catch {
                // The next commit past the mark asks again; the log only grows meanwhile.
                logger.warning("checkpoint failed: \(error)")
            }
        }
    }
}

import Synchronization

/// Thời hạn trả lời — the instant by which the work under it must have had the database's answers, counted from when
/// it began. The server sets one for each request it serves (`AppConfig.databaseAnswerSeconds`), so that a database
/// that stops answering — PostgreSQL's processes frozen or its network dropping packets, the disk under either engine
/// stalled — costs a desk a 503 after seconds, however many reads and writes its request makes, not a request left
/// waiting until the database answers again:
/// - on PostgreSQL each wait for a connection of the pool and each use of one is given only the time left, and a
///   connection not answering by then is closed (`AnswerDeadline+Postgres`);
/// - on SQLite a write waiting for the writer, or for the end of its batch's commit, is given up on
///   (`GroupCommit`), and so is a read waiting for a reader, or for its reader's answer (`ReaderPool`);
/// - on either, a kept file's write, flush or read waiting for its disk is given up on (`BlockingWork`).
///
/// The background jobs and the command line have none: a migration or an audit check of years of records may take
/// minutes.
public struct AnswerDeadline: Sendable {
    /// The time allowed in all.
    public let allowed: Duration
    let at: ContinuousClock.Instant

    public init(allowed: Duration) {
        self.allowed = allowed
        at = .now + allowed
    }

    /// The deadline of the work under way, if it has one.
    @TaskLocal public static var current: AnswerDeadline?

    /// Fails if the current deadline has passed: nothing more is asked of the database.
    static func checkNotPassed() throws {
        if let deadline = current, deadline.at <= .now { throw DatabaseDidNotAnswer(allowed: deadline.allowed) }
    }

    /// Raised once, by whichever comes first: the database's answer, or the deadline.
    final class Flag: Sendable {
        private let raised = Atomic(false)

        /// Raises the flag; whether this call did (false: it was up already).
        func raise() -> Bool { raised.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged }

        var isRaised: Bool { raised.load(ordering: .relaxed) }
    }
}

/// The database did not answer by the work's deadline (`AnswerDeadline`). What was under way may or may not be done
/// when it answers again: on PostgreSQL the connection was closed, which rolls back a transaction but not a COMMIT
/// already sent; on SQLite a write already in the writer's batch is committed with it once the disk answers. That is
/// why a write is retried with its Idempotency-Key. Counted as the database out of reach (`DatabaseOutage`): 503
/// with a time to retry.
public struct DatabaseDidNotAnswer: Error, CustomStringConvertible {
    public let allowed: Duration

    public init(allowed: Duration) {
        self.allowed = allowed
    }

    public var description: String {
        "the database did not answer within the \(allowed.components.seconds) s the request allows"
    }
}

import NIOCore
import PostgresNIO
import Synchronization

/// Thời hạn trả lời — the instant by which the work under it must have had PostgreSQL's answers, counted from when
/// it began: each wait for a connection of the pool and each use of one is given only the time left, and a
/// connection not answering by then is closed. The server sets one for each request it serves (`AppConfig.databaseAnswerSeconds`), so that
/// a database that stops answering without closing its connections (its processes frozen, a storage stall, a
/// network that drops packets) costs a desk a 503 after seconds, however many reads and writes its request makes,
/// not a request left waiting until the database answers again. The background jobs and the command line have none:
/// a migration or an audit check of years of records may take minutes.
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
    private static func checkNotPassed() throws {
        if let deadline = current, deadline.at <= .now { throw DatabaseDidNotAnswer(allowed: deadline.allowed) }
    }

    /// The connection `request` asks the pool for, if the current deadline has not passed and it comes before then;
    /// else this throws `DatabaseDidNotAnswer`, and a connection that comes after is handed to `release`.
    static func connection(requesting request: () -> EventLoopFuture<PostgresConnection>,
                           elseRelease release: @escaping @Sendable (PostgresConnection) -> Void) async throws -> PostgresConnection {
        guard let deadline = current else { return try await request().get() }
        try checkNotPassed()
        let requested = request()
        let given = requested.eventLoop.makePromise(of: PostgresConnection.self)
        let decided = Flag()
        let timer = requested.eventLoop.scheduleTask(deadline: deadline.nioDeadline) {
            if decided.raise() { given.fail(DatabaseDidNotAnswer(allowed: deadline.allowed)) }
        }
        requested.whenComplete { result in
            timer.cancel()
            if decided.raise() {
                given.completeWith(result)
            } else if case .success(let connection) = result {
                release(connection)
            }
        }
        return try await given.futureResult.get()
    }

    /// Runs a use of `connection` under the current deadline: if it has not ended by then, the connection is closed,
    /// which fails the statement under way, and this throws `DatabaseDidNotAnswer`.
    static func run<T>(on connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        guard let deadline = current else { return try await body() }
        try checkNotPassed()
        let gaveUp = Flag()
        let watch = connection.eventLoop.scheduleTask(deadline: deadline.nioDeadline) {
            _ = gaveUp.raise()
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { watch.cancel() }
        do {
            return try await body()
        } catch {
            if gaveUp.isRaised { throw DatabaseDidNotAnswer(allowed: deadline.allowed) }
            throw error
        }
    }

    /// The deadline on NIO's clock, for its timers.
    private var nioDeadline: NIODeadline { .now() + TimeAmount(at - .now) }

    /// Raised once, by whichever comes first.
    private final class Flag: Sendable {
        private let raised = Atomic(false)

        /// Raises the flag; whether this call did (false: it was up already).
        func raise() -> Bool { raised.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged }

        var isRaised: Bool { raised.load(ordering: .relaxed) }
    }
}

/// PostgreSQL did not answer by the work's deadline (`AnswerDeadline`), and the connection was closed: the statement
/// under way fails with it, a transaction is rolled back by PostgreSQL, and a COMMIT already sent may or may not have
/// been applied (as when a connection breaks, which is why a write is retried with its Idempotency-Key). Counted as
/// the database out of reach (`DatabaseOutage`): 503 with a time to retry.
public struct DatabaseDidNotAnswer: Error, CustomStringConvertible {
    public let allowed: Duration

    public var description: String {
        "PostgreSQL did not answer within the \(allowed.components.seconds) s the request allows; the connection was closed"
    }
}

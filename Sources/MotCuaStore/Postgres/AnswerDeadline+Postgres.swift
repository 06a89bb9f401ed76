import NIOCore
import PostgresNIO

/// The request's deadline on PostgreSQL: each wait for a connection of the pool and each use of one is given only the
/// time left, and a connection not answering by then is closed.
extension AnswerDeadline {
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
}

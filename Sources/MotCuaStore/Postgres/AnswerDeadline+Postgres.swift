import NIOCore
import PostgresNIO

/// The request's deadline on PostgreSQL: each wait for a connection of the pool is given only the time left
/// (`AnswerDeadline.answer`), and so is each use of one: a connection not answering by then is closed.
extension AnswerDeadline {
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
}

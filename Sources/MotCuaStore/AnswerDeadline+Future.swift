import NIOCore

/// The request's deadline for work another thread does and answers through a future (a connection PostgreSQL's pool
/// hands over, a kept file's write on NIO's threads for blocking work): its caller waits no longer than the deadline.
extension AnswerDeadline {
    /// What `request` answers, if the current deadline has not passed and the answer comes before then; else this
    /// throws `DatabaseDidNotAnswer`, and an answer that comes after is handed to `late` (a connection to give back).
    static func answer<T: Sendable>(requesting request: () -> EventLoopFuture<T>,
                                    late: @escaping @Sendable (T) -> Void = { _ in }) async throws -> T {
        guard let deadline = current else { return try await request().get() }
        try checkNotPassed()
        let requested = request()
        let given = requested.eventLoop.makePromise(of: T.self)
        let decided = Flag()
        let timer = requested.eventLoop.scheduleTask(deadline: deadline.nioDeadline) {
            if decided.raise() { given.fail(DatabaseDidNotAnswer(allowed: deadline.allowed)) }
        }
        requested.whenComplete { result in
            timer.cancel()
            if decided.raise() {
                given.completeWith(result)
            } else if case .success(let value) = result {
                late(value)
            }
        }
        return try await given.futureResult.get()
    }

    /// The deadline on NIO's clock, for its timers.
    var nioDeadline: NIODeadline { .now() + TimeAmount(at - .now) }
}

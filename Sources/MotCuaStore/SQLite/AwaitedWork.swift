/// Việc có người chờ — work handed to a connection's thread (a write to the writer, `GroupCommit.Job`; a read to a
/// reader, `ReaderPool.Job`) whose caller waits for it, if the request has a deadline (`AnswerDeadline`), no longer
/// than that: past it, the watch of deadlines gives the caller up with `DatabaseDidNotAnswer`, whatever the work is
/// waiting for.
protocol AwaitedWork: Sendable {
    /// When its caller stops waiting, if it has a deadline.
    var deadline: AnswerDeadline? { get }
    /// Tells the caller the work failed with this error, or was given up on at its deadline — unless the caller has
    /// had its answer already: each caller is answered once (`OnceAnswer`).
    var fail: @Sendable (any Error) -> Void { get }
}

extension AwaitedWork {
    func isOverdue(at now: ContinuousClock.Instant) -> Bool { deadline.map { $0.at <= now } ?? false }

    /// Tells the caller the database did not answer by its deadline.
    func giveUp() { fail(DatabaseDidNotAnswer(allowed: deadline?.allowed ?? .zero)) }
}

extension Array where Element: AwaitedWork {
    /// Takes out and returns the work whose caller's deadline has passed at `now` (work still queued: it never runs).
    mutating func removeOverdue(at now: ContinuousClock.Instant) -> [Element] {
        let overdue = filter { $0.isOverdue(at: now) }
        if !overdue.isEmpty { removeAll { $0.isOverdue(at: now) } }
        return overdue
    }
}

/// Trả lời một lần — a caller's continuation, resumed by whichever answers first: the work's outcome, or the watch
/// of deadlines giving the caller up; later answers are dropped.
struct OnceAnswer<T: Sendable>: Sendable {
    private let answered = AnswerDeadline.Flag()
    private let continuation: CheckedContinuation<T, any Error>

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = continuation
    }

    func callAsFunction(_ result: Result<T, any Error>) {
        if answered.raise() { continuation.resume(with: result) }
    }

    /// Whether the caller has had its answer (its work need not run).
    var isGiven: Bool { answered.isRaised }
}

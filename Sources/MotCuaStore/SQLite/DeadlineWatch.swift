import Synchronization

/// Người canh hạn — a task that sweeps every `interval` until stopped, giving up on the callers past their deadline
/// (`AnswerDeadline`) while the connection they wait for is held up: the writer's commit or a reader's read waiting
/// for a disk that does not answer. Started once with the writer (`GroupCommit`) and the readers (`ReaderPool`); a
/// sweep with nothing overdue costs a lock and two empty scans.
final class DeadlineWatch: Sendable {
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(every interval: Duration = .milliseconds(100)) {
        self.interval = interval
    }

    /// Starts sweeping: each time, `overdue` takes the work whose caller's deadline has passed at the instant it is
    /// given, and each of those callers is given up on (`AwaitedWork.giveUp`); until `stop`, or until `overdue` says
    /// there is nothing left to watch (nil: its owner is gone).
    func start<Work: AwaitedWork>(_ overdue: @escaping @Sendable (ContinuousClock.Instant) -> [Work]?) {
        let interval = interval
        task.withLock { task in
            task = Task.detached {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard !Task.isCancelled, let given = overdue(.now) else { return }
                    for work in given { work.giveUp() }
                }
            }
        }
    }

    /// Stops the watch for good.
    func stop() {
        task.withLock { task in
            task?.cancel()
            task = nil
        }
    }
}

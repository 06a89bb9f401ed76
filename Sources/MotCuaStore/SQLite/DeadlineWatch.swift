import Synchronization

/// Người canh hạn — a task that sweeps every `interval` until stopped: how SQLite's writer gives up on the callers
/// past their deadline (`AnswerDeadline`) while it is itself held up, its commit waiting for a disk that does not
/// answer. Started once with the writer (`GroupCommit`); a sweep with nothing overdue costs a lock and two empty scans.
final class DeadlineWatch: Sendable {
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(every interval: Duration) {
        self.interval = interval
    }

    /// Starts sweeping with `sweep`, until `stop` or until `sweep` says there is nothing left to watch (false).
    func start(_ sweep: @escaping @Sendable () -> Bool) {
        let interval = interval
        task.withLock { task in
            task = Task.detached {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if Task.isCancelled || !sweep() { return }
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

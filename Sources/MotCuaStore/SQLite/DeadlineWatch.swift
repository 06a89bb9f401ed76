import Synchronization

/// Người canh hạn — a task that, once started, sweeps every `interval` until stopped: how SQLite's writer gives up on
/// the callers past their deadline (`AnswerDeadline`) while it is itself held up, its commit waiting for a disk that
/// does not answer. Started by the first write under a deadline, so the command line, which sets none, never runs one.
final class DeadlineWatch: Sendable {
    private let interval: Duration
    private let started = Atomic(false)
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(every interval: Duration) {
        self.interval = interval
    }

    /// Starts sweeping with `sweep` unless the watch runs already; it stops when `sweep` says there is nothing left
    /// to watch (false), or at `stop`.
    func start(_ sweep: @escaping @Sendable () -> Bool) {
        guard !started.load(ordering: .relaxed) else { return }
        let interval = interval
        task.withLock { task in
            guard !started.load(ordering: .relaxed) else { return }
            started.store(true, ordering: .relaxed)
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
            started.store(true, ordering: .relaxed)
            task?.cancel()
            task = nil
        }
    }
}

import Synchronization

/// Việc sau khi ghi — what the write running on SQLite's writer connection asks done once its batch has committed
/// (`DirectSQLDatabase.afterCommit`). The writer runs one write at a time: once a write has run, `GroupCommit`
/// takes what it asked (`take`), drops it if the write failed, and hands it to the write's caller, which does it
/// after the COMMIT has returned — on the caller's thread, not on the writer's, which every write waits for.
final class CommitFollowUps: Sendable {
    private let asked = Mutex<[@Sendable () -> Void]>([])

    /// Asks, during a write, for `action` once the write is committed.
    func add(_ action: @escaping @Sendable () -> Void) {
        asked.withLock { $0.append(action) }
    }

    /// What the write that just ran asked; nothing is left asked.
    func take() -> [@Sendable () -> Void] {
        asked.withLock { asked in
            defer { asked.removeAll() }
            return asked
        }
    }
}

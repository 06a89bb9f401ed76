import Foundation
import Logging
import Synchronization

/// Lecteurs — the SQLite read connections: a few connections through SQLite's C interface (`DirectSQLite`,
/// read-only, statements prepared once), each lent to one task at a time for the whole of its read, so reads run
/// side by side with each other and with the writer (WAL) and without a hop to a thread pool for every statement.
/// A task that finds every connection lent waits its turn in order.
final class ReaderPool: Sendable {
    private struct State {
        var idle: [DirectSQLite]
        var waiting: [CheckedContinuation<DirectSQLite, Never>] = []
    }

    private let state: Mutex<State>
    private let all: [DirectSQLite]
    private let logger: Logger

    /// Two connections per core: a read blocks its thread only while SQLite steps, so a few more connections than
    /// cores keep every core busy without making SQLite juggle many.
    static var size: Int { max(2, 2 * ProcessInfo.processInfo.activeProcessorCount) }

    init(path: String, size: Int = ReaderPool.size, logger: Logger) throws {
        var connections: [DirectSQLite] = []
        do {
            for _ in 0..<size {
                let connection = try DirectSQLite.open(path: path)
                connections.append(connection)
                for pragma in ["PRAGMA query_only=1", "PRAGMA busy_timeout=\(Database.busyTimeoutMilliseconds)"] { try connection.execute(pragma, []) { _, _ in } }
            }
        } catch {
            connections.forEach { $0.close() }
            throw error
        }
        all = connections
        state = Mutex(State(idle: connections))
        self.logger = logger
    }

    /// Runs `body` with a connection of its own, as SQLKit's `SQLDatabase`.
    func read<T>(_ body: (DirectSQLDatabase) async throws -> T) async throws -> T {
        let connection = await lend()
        defer { giveBack(connection) }
        return try await body(DirectSQLDatabase(connection: connection, logger: logger))
    }

    private func lend() async -> DirectSQLite {
        if let connection = state.withLock({ $0.idle.popLast() }) { return connection }
        return await withCheckedContinuation { continuation in
            let ready: DirectSQLite? = state.withLock { state in
                if let connection = state.idle.popLast() { return connection }
                state.waiting.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func giveBack(_ connection: DirectSQLite) {
        let next: CheckedContinuation<DirectSQLite, Never>? = state.withLock { state in
            if state.waiting.isEmpty {
                state.idle.append(connection)
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume(returning: connection)
    }

    /// Closes every connection (once no read is running).
    func close() {
        all.forEach { $0.close() }
    }
}

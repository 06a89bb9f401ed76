import Foundation
import MotCuaStore
import SQLKit
import Synchronization

/// Kết nối bị giữ — a write or a read that keeps its SQLite connection's thread (the writer's, a reader's), or blocking
/// work that keeps its thread (`BlockingWork`), until the test lets it go, as a commit, a read or a file's flush
/// waiting for a stalled disk does: the tests of the request's deadline on
/// SQLite stand it in for the disk, without timing guesses (the test runs on in its own time, however busy the
/// machine, and the thread stays held until it says so).
public final class ConnectionHold: Sendable {
    private let began = Atomic(false)
    private let letGo = DispatchSemaphore(value: 0)
    /// The most the thread is held if the test never lets it go (a test that failed half-way must not hang).
    private let atMost: DispatchTime

    public init(atMostSeconds: Int = 30) {
        atMost = .now() + .seconds(atMostSeconds)
    }

    /// The write's or read's body: runs `first` (an insert, say), then holds the thread until `release`.
    public func body(_ first: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in })
        -> @Sendable (any SQLDatabase) async throws -> Void {
        { db in
            try await first(db)
            self.holdThisThread()
        }
    }

    /// Holds the calling thread until `release` (blocking work's body, `BlockingWork`).
    public func holdThisThread() {
        began.store(true, ordering: .releasing)
        _ = letGo.wait(timeout: atMost)
    }

    /// Returns once the thread is held.
    public func waitUntilHeld() async throws {
        while !began.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(10)) }
    }

    /// Lets the thread go on.
    public func release() {
        letGo.signal()
    }
}

@testable import MotCuaStore
import Synchronization
import Testing

/// One read shared by the callers who ask at once: never one that began before a caller asked (it could miss a
/// change committed just before), one per round for everyone who came during the last, and a failed read fails only
/// its own caller.
@Suite struct SharedReadTests {
    /// A value read from `source`, the first read held open until `release()` so that others come while it runs.
    final class HeldSource: Sendable {
        let source = Atomic<Int>(1)
        let reads = Atomic<Int>(0)
        let failingRead: Int?
        private let firstReadStarted: AsyncStream<Void>.Continuation
        let started: AsyncStream<Void>
        private let gate: AsyncStream<Void>.Continuation
        private let opened: AsyncStream<Void>

        init(failingRead: Int? = nil) {
            self.failingRead = failingRead
            (started, firstReadStarted) = AsyncStream.makeStream()
            (opened, gate) = AsyncStream.makeStream()
        }

        struct ReadFailed: Error {}

        func read() async throws -> Int {
            let number = reads.add(1, ordering: .sequentiallyConsistent).newValue
            let value = source.load(ordering: .sequentiallyConsistent)
            if number == 1 {
                firstReadStarted.yield()
                for await _ in opened { break }
            }
            if number == failingRead { throw ReadFailed() }
            return value
        }

        func release() { gate.yield() }

        /// Waits until the first read is running.
        func waitForTheFirstRead() async {
            for await _ in started { break }
        }
    }

    @Test func aCallerWhoAsksDuringAReadGetsTheNextOne() async throws {
        let held = HeldSource()
        let shared = SharedRead { try await held.read() }
        async let first = shared.value()
        await held.waitForTheFirstRead()
        held.source.store(2, ordering: .sequentiallyConsistent)  // a change committed while the first read runs
        async let second = shared.value()
        try await Task.sleep(for: .milliseconds(50))  // for the second caller to get in line
        held.release()
        #expect(try await first == 1)
        #expect(try await second == 2, "the second caller asked after the change: the first read cannot answer it")
        #expect(held.reads.load(ordering: .sequentiallyConsistent) == 2)
    }

    @Test func callersWhoComeDuringOneReadShareTheNext() async throws {
        let held = HeldSource()
        let shared = SharedRead { try await held.read() }
        async let first = shared.value()
        await held.waitForTheFirstRead()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await shared.value() } }
            try await Task.sleep(for: .milliseconds(50))  // for them to get in line
            held.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await first == 1)
        #expect(values == Array(repeating: 1, count: 20))
        // One read for the twenty when each was in line in time; at most a second if the machine was slow.
        #expect(held.reads.load(ordering: .sequentiallyConsistent) <= 3)
    }

    @Test func aFailedReadFailsOnlyTheCallerWhoStartedIt() async throws {
        let held = HeldSource(failingRead: 2)
        let shared = SharedRead { try await held.read() }
        async let first = shared.value()
        await held.waitForTheFirstRead()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 { group.addTask { (try? await shared.value()) != nil } }
            try? await Task.sleep(for: .milliseconds(50))
            held.release()
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await first == 1)
        #expect(outcomes.filter { !$0 }.count == 1, "the second read failed: only the caller who started it sees that")
        #expect(outcomes.filter { $0 }.count == 4)
    }
}

@testable import MotCuaStore
import Synchronization
import Testing

/// Work shared by the callers who come at once: never a round that began before a caller came (it could miss a
/// change committed just before), one round for everyone who came during the last, each caller its own output, and a
/// failed round run again by each of its callers alone.
@Suite struct RoundsTests {
    /// A round that reads `source` and answers each input with `source × input` — it fails if an input is 0 — the
    /// first round held open until `release()` so that others come while it runs.
    final class HeldSource: Sendable {
        let source = Atomic<Int>(1)
        let rounds = Mutex<[Int]>([])
        private let firstRoundStarted: AsyncStream<Void>.Continuation
        private let started: AsyncStream<Void>
        private let gate: AsyncStream<Void>.Continuation
        private let opened: AsyncStream<Void>

        init() {
            (started, firstRoundStarted) = AsyncStream.makeStream()
            (opened, gate) = AsyncStream.makeStream()
        }

        struct RoundFailed: Error {}

        func round(_ inputs: [Int]) async throws -> [Int] {
            let number = rounds.withLock { rounds in
                rounds.append(inputs.count)
                return rounds.count
            }
            let value = source.load(ordering: .sequentiallyConsistent)
            if number == 1 {
                firstRoundStarted.yield()
                for await _ in opened { break }
            }
            if inputs.contains(0) { throw RoundFailed() }
            if inputs.contains(-1) { throw DatabaseDidNotAnswer(allowed: .seconds(1)) }
            return inputs.map { value * $0 }
        }

        func release() { gate.yield() }

        /// Waits until the first round is running.
        func waitForTheFirstRound() async {
            for await _ in started { break }
        }

        var roundCount: Int { rounds.withLock { $0.count } }
    }

    @Test func aCallerWhoComesDuringARoundIsServedByTheNext() async throws {
        let held = HeldSource()
        let rounds = Rounds { try await held.round($0) }
        async let first = rounds.run(1)
        await held.waitForTheFirstRound()
        held.source.store(2, ordering: .sequentiallyConsistent)  // a change committed while the first round runs
        async let second = rounds.run(1)
        try await Task.sleep(for: .milliseconds(200))  // for the second caller to get in line
        held.release()
        #expect(try await first == 1)
        #expect(try await second == 2, "the second caller came after the change: the first round cannot serve it")
        #expect(held.roundCount == 2)
    }

    @Test func callersWhoComeDuringOneRoundShareTheNextEachWithItsOwnOutput() async throws {
        let held = HeldSource()
        let rounds = Rounds { try await held.round($0) }
        async let first = rounds.run(1)
        await held.waitForTheFirstRound()
        let outputs = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for input in 1...20 { group.addTask { (input, try await rounds.run(input)) } }
            try await Task.sleep(for: .milliseconds(200))  // for them to get in line
            held.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await first == 1)
        #expect(outputs.allSatisfy { input, output in output == input }, "\(outputs)")
        // One round for the twenty when each was in line in time; at most a third if the machine was slow.
        #expect(held.roundCount <= 3)
    }

    @Test func aRoundServesAtMostItsMost() async throws {
        let held = HeldSource()
        let rounds = Rounds(most: 4) { try await held.round($0) }
        async let first = rounds.run(1)
        await held.waitForTheFirstRound()
        let outputs = try await withThrowingTaskGroup(of: Int.self) { group in
            for input in 1...10 { group.addTask { try await rounds.run(input) } }
            try await Task.sleep(for: .milliseconds(200))
            held.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await first == 1)
        #expect(outputs.sorted() == Array(1...10))
        let sizes = held.rounds.withLock { $0 }
        #expect(sizes.allSatisfy { $0 <= 4 }, "\(sizes)")
        #expect(sizes.count >= 4, "ten callers in rounds of four, after the first: \(sizes)")
    }

    /// The second round, of five, fails for one input: each of the five runs a round alone, and only the caller of
    /// that input sees an error, whichever of them started the round.
    @Test func aFailedRoundIsRunAgainByEachOfItsCallersAlone() async throws {
        let held = HeldSource()
        let rounds = Rounds { try await held.round($0) }
        async let first = rounds.run(1)
        await held.waitForTheFirstRound()
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for input in [3, 2, 0, 4, 5] {
                group.addTask { (input, (try? await rounds.run(input)) == input) }
                if input == 3 { try? await Task.sleep(for: .milliseconds(100)) }  // 3 first in line: it starts the round
            }
            try? await Task.sleep(for: .milliseconds(200))
            held.release()
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(try await first == 1)
        #expect(outcomes == [3: true, 2: true, 0: false, 4: true, 5: true])
        let sizes = held.rounds.withLock { $0 }
        #expect(sizes.count >= 3 && sizes[1] > 1, "the second round served several, then each ran alone: \(sizes)")
        #expect(sizes.dropFirst(2).allSatisfy { $0 == 1 }, "\(sizes)")
    }

    /// The second round, of five, fails because the database is out of reach: every caller of it is told so at once,
    /// and none asks the database again alone.
    @Test func aRoundThatFindsTheDatabaseOutOfReachFailsAllItsCallersAtOnce() async throws {
        let held = HeldSource()
        let rounds = Rounds { try await held.round($0) }
        async let first = rounds.run(1)
        await held.waitForTheFirstRound()
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for input in [3, 2, -1, 4, 5] {
                group.addTask {
                    do {
                        _ = try await rounds.run(input)
                        return (input, false)
                    } catch {
                        return (input, error is DatabaseDidNotAnswer)
                    }
                }
                if input == 3 { try? await Task.sleep(for: .milliseconds(100)) }
            }
            try? await Task.sleep(for: .milliseconds(200))
            held.release()
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(try await first == 1)
        #expect(outcomes == [3: true, 2: true, -1: true, 4: true, 5: true], "each told the database was out of reach")
        #expect(held.rounds.withLock { $0 } == [1, 5], "no round run again alone")
    }
}

import Synchronization

/// Lượt chung — work that callers who come at once share, each served by a round that began after it came, so that
/// it sees every change committed before it came, as work of its own would.
///
/// A caller that finds no round running starts one, for itself alone. Callers that come while a round runs wait for
/// the next one, which the first of them starts when that round ends, for all of them (at most `most` together; the
/// rest wait for the round after): under load one round per round trip serves every caller that came during the one
/// before, instead of one each; alone, a caller runs at once. `round` is given the callers' inputs, the starting
/// caller's first, and returns an output for each, in the same order. A round of several that fails is run again by
/// each of its callers alone, so that what fails one input fails only its own caller — unless the database was out of
/// reach (`DatabaseOutage`), which fails every caller of the round at once: asking it again, once per caller, would
/// only make each wait as long again for the same answer.
final class Rounds<Input: Sendable, Output: Sendable>: Sendable {
    private typealias Waiting = CheckedContinuation<Turn, Never>

    /// What a waiting caller is woken with.
    private enum Turn: Sendable {
        case served(Output)
        case failed(any Error)
        case startsRound
        case alone
    }

    private struct Queue {
        var running = false
        var waiting: [(input: Input, caller: Waiting)] = []

        /// Whether the caller starts a round: when none is running.
        mutating func startsRound() -> Bool {
            if running { return false }
            running = true
            return true
        }

        /// As `startsRound`, else the caller waits for the next round.
        mutating func startsRoundElseWaits(_ input: Input, _ caller: Waiting) -> Bool {
            if startsRound() { return true }
            waiting.append((input, caller))
            return false
        }

        /// Those waiting whom the next round serves beside the caller that starts it, at most `count`.
        mutating func takeWaiting(_ count: Int) -> [(input: Input, caller: Waiting)] {
            let taken = Array(waiting.prefix(count))
            waiting.removeFirst(taken.count)
            return taken
        }

        /// The caller who starts the next round, the first who came during the last one; nil, and no round running,
        /// when no one did.
        mutating func nextStarter() -> Waiting? {
            if waiting.isEmpty {
                running = false
                return nil
            }
            return waiting.removeFirst().caller
        }
    }

    private let most: Int
    private let round: @Sendable ([Input]) async throws -> [Output]
    private let queue = Mutex(Queue())

    init(most: Int = .max, _ round: @escaping @Sendable ([Input]) async throws -> [Output]) {
        precondition(most >= 1)
        self.most = most
        self.round = round
    }

    /// The caller's output, from a round that began after this call.
    func run(_ input: Input) async throws -> Output {
        if queue.withLock({ $0.startsRound() }) { return try await runRound(startedBy: input) }
        let turn = await withCheckedContinuation { (caller: Waiting) in
            if queue.withLock({ $0.startsRoundElseWaits(input, caller) }) { caller.resume(returning: .startsRound) }
        }
        return try await take(turn, for: input)
    }

    /// What the caller with `input` does on `turn`.
    private func take(_ turn: Turn, for input: Input) async throws -> Output {
        switch turn {
        case .served(let output): return output
        case .failed(let error): throw error
        case .startsRound: return try await runRound(startedBy: input)
        case .alone: return try await alone(input)
        }
    }

    /// Runs a round for `input` and for those waiting now — all came before it begins — then hands the next round
    /// to the first of those who came during it.
    private func runRound(startedBy input: Input) async throws -> Output {
        let others = queue.withLock { $0.takeWaiting(most - 1) }
        let outputs: Result<[Output], any Error>
        do {
            outputs = .success(try counted(await round([input] + others.map(\.input)), inputs: others.count + 1))
        } catch {
            outputs = .failure(error)
        }
        for (index, other) in others.enumerated() {
            other.caller.resume(returning: Self.turn(from: outputs, at: index + 1))
        }
        queue.withLock { $0.nextStarter() }?.resume(returning: .startsRound)
        if others.isEmpty { return try outputs.get()[0] }
        return try await take(Self.turn(from: outputs, at: 0), for: input)
    }

    /// What a round's outcome gives the caller at `index`: its output; the round's error, if the database was out of
    /// reach; else a round of its own.
    private static func turn(from outputs: Result<[Output], any Error>, at index: Int) -> Turn {
        switch outputs {
        case .success(let outputs): .served(outputs[index])
        case .failure(let error): DatabaseOutage.isOutage(error) ? .failed(error) : .alone
        }
    }

    /// A round for one caller, outside the turns.
    private func alone(_ input: Input) async throws -> Output {
        try counted(await round([input]), inputs: 1)[0]
    }

    /// The outputs of a round of `inputs`, if there are as many.
    private func counted(_ outputs: [Output], inputs: Int) throws -> [Output] {
        guard outputs.count == inputs else { throw RoundMiscounted(inputs: inputs, outputs: outputs.count) }
        return outputs
    }
}

/// A round gave back another number of outputs than it was given inputs: a defect in the round.
struct RoundMiscounted: Error, CustomStringConvertible {
    let inputs: Int
    let outputs: Int

    var description: String { "a round of \(inputs) gave \(outputs) outputs" }
}

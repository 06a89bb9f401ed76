import Synchronization

/// Lần đọc dùng chung — one read shared by the callers that ask for the same value at once, each answered by a read
/// that began after it asked, so that it sees every change committed before it asked, as a read of its own would.
///
/// A caller that finds no read running starts one. Callers that come while a read runs wait for the next one, which
/// the first of them starts when that read ends, for all of them: under load one read per round trip answers every
/// request that came during the one before, instead of one read each; alone, a caller reads at once. A read that
/// fails answers only the caller that started it; the others it was for ask again.
final class SharedRead<Value: Sendable>: Sendable {
    private typealias Waiting = CheckedContinuation<Turn, Never>

    /// What a waiting caller is woken with.
    private enum Turn: Sendable {
        case answered(Value)
        case read
        case askAgain
    }

    private struct Queue {
        var reading = false
        var waiting: [Waiting] = []

        /// Whether the caller starts a read: when none is running.
        mutating func startsReading() -> Bool {
            if reading { return false }
            reading = true
            return true
        }

        /// As `startsReading`, else the caller waits for the next read.
        mutating func startsReadingElseWaits(_ waiting: Waiting) -> Bool {
            if startsReading() { return true }
            self.waiting.append(waiting)
            return false
        }

        /// The caller who starts the next read, the first who came during the last one; nil, and no read running, when
        /// no one did.
        mutating func nextReader() -> Waiting? {
            if waiting.isEmpty {
                reading = false
                return nil
            }
            return waiting.removeFirst()
        }
    }

    private let read: @Sendable () async throws -> Value
    private let queue = Mutex(Queue())

    init(_ read: @escaping @Sendable () async throws -> Value) { self.read = read }

    /// The value, from a read that began after this call.
    func value() async throws -> Value {
        while true {
            if queue.withLock({ $0.startsReading() }) { return try await readForThoseWaiting() }
            let turn = await withCheckedContinuation { (waiting: Waiting) in
                if queue.withLock({ $0.startsReadingElseWaits(waiting) }) { waiting.resume(returning: .read) }
            }
            switch turn {
            case .answered(let value): return value
            case .read: return try await readForThoseWaiting()
            case .askAgain: continue
            }
        }
    }

    /// Reads for this caller and for those waiting now — all came before the read begins — then hands the next read
    /// to the first of those who came during it.
    private func readForThoseWaiting() async throws -> Value {
        let those = queue.withLock { queue in
            defer { queue.waiting = [] }
            return queue.waiting
        }
        let result: Result<Value, any Error>
        do { result = .success(try await read()) } catch { result = .failure(error) }
        let turn: Turn = if case .success(let value) = result { .answered(value) } else { .askAgain }
        for waiting in those { waiting.resume(returning: turn) }
        queue.withLock { $0.nextReader() }?.resume(returning: .read)
        return try result.get()
    }
}

@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// How a caller's work under a request's deadline ended (the deadline tests): whether it was given up on
/// (`DatabaseDidNotAnswer`), and when the caller had its answer.
struct DeadlineOutcome: Sendable {
    let givenUp: Bool
    let answeredAt: ContinuousClock.Instant

    /// Runs `work` under a deadline of `allowed` (none if nil).
    static func of(_ allowed: Duration?, _ work: @escaping @Sendable () async throws -> Void) async throws -> DeadlineOutcome {
        do {
            if let allowed {
                try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: allowed)) { try await work() }
            } else {
                try await work()
            }
            return DeadlineOutcome(givenUp: false, answeredAt: .now)
        } catch is DatabaseDidNotAnswer {
            return DeadlineOutcome(givenUp: true, answeredAt: .now)
        }
    }
}

extension DeadlineOutcome {
    /// The deadline tests' scenario, for the writer or a reader (`connection`, as the messages name it): a caller
    /// whose work holds the connection's thread (`hold`'s), then one queued behind it, both under a deadline of
    /// 300 ms, and one without a deadline. Expects the first two given up on while the thread is held and the third
    /// answered only after it is let go, which it is once the first two have their answers.
    static func expectGivenUpWhileHeld(_ connection: String, _ hold: ConnectionHold,
                                       holding: @escaping @Sendable () async throws -> Void,
                                       waiting: @escaping @Sendable () async throws -> Void,
                                       patient: @escaping @Sendable () async throws -> Void) async throws {
        async let held = of(.milliseconds(300), holding)
        try await hold.waitUntilHeld()
        async let queued = of(.milliseconds(300), waiting)
        async let unbounded = of(nil, patient)
        let (heldUp, waited) = try await (held, queued)
        #expect(heldUp.givenUp, "the caller whose work holds the \(connection) was answered while it was held")
        #expect(waited.givenUp, "the caller waiting for the \(connection) was answered while it was held")
        let released = ContinuousClock.now
        hold.release()
        let unboundedOutcome = try await unbounded
        #expect(!unboundedOutcome.givenUp && unboundedOutcome.answeredAt >= released,
                "the caller without a deadline waited for the \(connection)")
    }
}

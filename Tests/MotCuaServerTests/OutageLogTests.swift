import Logging
@testable import MotCuaServer
import Synchronization
import Testing

/// While the database cannot be reached, the log gets its first refusal at once and then at most a line every ten
/// seconds, counting the refusals it did not write.
@Suite struct OutageLogTests {
    struct Down: Error, CustomStringConvertible {
        var description: String { "SQLite error 13: database or disk is full" }
    }

    @Test func aRefusalIsLoggedAtOnceThenTheOthersAreCountedUntilTheIntervalIsOver() {
        let lines = MaskingLogHandlerTests.Capture.Lines()
        let logger = Logger(label: "kiem-thu") { _ in MaskingLogHandlerTests.Capture(lines: lines) }
        let start = ContinuousClock.now
        let elapsed = Mutex(Duration.zero)
        let log = OutageLog(clock: { start + elapsed.withLock { $0 } })
        let refusedAt: [Duration] = [.zero, .seconds(1), .seconds(2), .milliseconds(9_999), .seconds(10), .seconds(11), .seconds(25)]
        for at in refusedAt {
            elapsed.withLock { $0 = at }
            log.refused(because: Down(), logger: logger)
        }
        #expect(lines.all.withLock { $0 } == [
            "the database cannot be reached: SQLite error 13: database or disk is full ",
            "the database cannot be reached: SQLite error 13: database or disk is full; 3 more refused since the line before ",
            "the database cannot be reached: SQLite error 13: database or disk is full; 1 more refused since the line before ",
        ])
    }
}

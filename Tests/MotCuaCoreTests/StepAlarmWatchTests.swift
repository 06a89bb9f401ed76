import Foundation
import MotCuaCore
import Testing

/// The moment from which the SLA watch looks at an open item (`StepAlarm.watchFrom`) never comes after an alarm is
/// due, and nothing is due for an item it leaves out: the watch can skip every item until then and miss nothing.
@Suite struct StepAlarmWatchTests {
    static let base = Date(timeIntervalSince1970: 1_800_000_000)
    static let offsets: [TimeInterval?] = [nil, -20, -10, 0, 10, 20]
    static let instants: [Date] = [-30, -20, -15, -10, -5, 0, 0.5, 5, 10, 15, 20, 30].map { base.addingTimeInterval($0) }

    /// Every combination of deadline, warning time (missing, or before, at or after the other), warned, escalated.
    static let marks: [StepAlarm.Marks] = [false, true].flatMap { warned in
        [false, true].flatMap { escalated in
            offsets.flatMap { deadline in
                offsets.map { warnAt in
                    StepAlarm.Marks(deadline: deadline.map(base.addingTimeInterval), warnAt: warnAt.map(base.addingTimeInterval),
                                    warned: warned, escalated: escalated)
                }
            }
        }
    }

    @Test(arguments: marks)
    func noAlarmIsDueBeforeTheWatchLooks(marks: StepAlarm.Marks) {
        let from = StepAlarm.watchFrom(marks)
        for now in Self.instants {
            guard StepAlarm.due(marks, at: now) != nil else { continue }
            #expect(from.map { $0 <= now } == true, "due at \(now), watched from \(String(describing: from))")
        }
    }

    /// And it looks no earlier than it must: an alarm is due the moment it looks (an escalation just after the
    /// deadline, which is not yet late); an item it never looks at has no alarm due at any moment.
    @Test(arguments: marks)
    func theWatchLooksWhenTheFirstAlarmComes(marks: StepAlarm.Marks) {
        guard let from = StepAlarm.watchFrom(marks) else {
            #expect(Self.instants.allSatisfy { StepAlarm.due(marks, at: $0) == nil })
            return
        }
        #expect(StepAlarm.due(marks, at: from.addingTimeInterval(0.001)) != nil, "nothing due as the watch looks")
    }

    @Test func anEscalatedOrPausedItemIsNotWatched() {
        let deadline = Self.base
        #expect(StepAlarm.watchFrom(.init(deadline: deadline, warnAt: deadline, warned: false, escalated: true)) == nil)
        #expect(StepAlarm.watchFrom(.init(deadline: nil, warnAt: deadline, warned: false, escalated: false)) == nil)
        #expect(StepAlarm.watchFrom(.init(deadline: deadline, warnAt: deadline.addingTimeInterval(-60), warned: false,
                                          escalated: false)) == deadline.addingTimeInterval(-60))
        #expect(StepAlarm.watchFrom(.init(deadline: deadline, warnAt: deadline.addingTimeInterval(-60), warned: true,
                                          escalated: false)) == deadline)
    }
}

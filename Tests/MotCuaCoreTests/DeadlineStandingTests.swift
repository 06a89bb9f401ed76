import Foundation
import Testing
@testable import MotCuaCore

/// Where an open step stands, and the instants a query selects for each standing, agree with the legal on-time
/// rule (`Timeliness.verdict`), case by case around the boundaries (now: Thu 05/03/2026 08:00, Hanoi time).
@Suite struct DeadlineStandingTests {
    static let now = WorkingCalendar.instant(CivilDate(iso: "2026-03-05")!, second: 8 * 3600)

    static func instant(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        WorkingCalendar.instant(CivilDate(iso: day)!, second: hour * 3600 + minute * 60)
    }

    @Test(arguments: [
        (instant("2026-03-04", 17), DeadlineStanding.late),
        (instant("2026-03-05", 7, 59), .late),
        (instant("2026-03-05", 8), .dueToday),          // due this very moment: still on time
        (instant("2026-03-05", 17), .dueToday),
        (instant("2026-03-05", 23, 59), .dueToday),
        (instant("2026-03-06", 0), .later),
        (instant("2026-03-09", 9), .later),
    ] as [(Date, DeadlineStanding)])
    func aStepStandsAsItsVerdictWouldBe(due: Date, expected: DeadlineStanding) {
        #expect(DeadlineStanding(due: due, at: Self.now) == expected)
        for standing in DeadlineStanding.allCases {
            let selected = standing.dues(at: Self.now).map { range in
                (range.from.map { due >= $0 } ?? true) && (range.before.map { due < $0 } ?? true)
            } ?? false
            #expect(selected == (standing == expected), "\(standing) selects \(due) only if it stands so")
        }
    }

    @Test func aPausedStepHasNoDeadlineToSelect() {
        #expect(DeadlineStanding(due: nil, at: Self.now) == .paused)
        #expect(DeadlineStanding.paused.dues(at: Self.now) == nil)
    }
}

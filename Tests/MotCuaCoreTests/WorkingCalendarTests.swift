import Foundation
import Testing
@testable import MotCuaCore

@Suite struct WorkingCalendarTests {
    let calendar = WorkingCalendar(holidays: HolidayCalendar(announcements: HolidayCalendarTests.shipped))

    func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    @Test(arguments: [
        ("2026-02-13T10:00:00+07:00", TimeBudget.workingDays(3), "2026-02-25T10:00:00+07:00"),   // over Tết Bính Ngọ
        ("2026-11-20T10:00:00+07:00", .workingDays(1), "2026-11-23T10:00:00+07:00"),             // over a weekend
        ("2026-11-22T09:00:00+07:00", .workingDays(3), "2026-11-25T17:00:00+07:00"),             // filed on Sunday
        ("2026-11-23T12:30:00+07:00", .workingHours(1), "2026-11-23T14:30:00+07:00"),            // lunch does not count
        ("2026-11-23T16:00:00+07:00", .workingHours(2), "2026-11-24T09:00:00+07:00"),
        ("2025-04-25T10:00:00+07:00", .workingDays(1), "2025-04-26T10:00:00+07:00"),             // a Saturday worked
        ("2025-04-29T10:00:00+07:00", .workingDays(1), "2025-05-05T10:00:00+07:00"),             // 30/4, 1/5, swap 2/5
        ("2026-11-23T14:59:00+07:00", .sameDay, "2026-11-23T17:00:00+07:00"),                    // before 15:00
        ("2026-11-23T15:00:00+07:00", .sameDay, "2026-11-24T17:00:00+07:00"),                    // the 15:00 rule
        ("2026-11-27T15:30:00+07:00", .sameDay, "2026-11-30T17:00:00+07:00"),                    // Friday after 15:00
    ])
    func dueDates(from: String, budget: TimeBudget, due: String) {
        #expect(calendar.due(from: at(from), budget: budget) == at(due))
    }

    @Test func workingSecondsCountOnlyOfficeHours() {
        #expect(calendar.workingSeconds(from: at("2026-11-20T16:00:00+07:00"), to: at("2026-11-23T09:00:00+07:00")) == 2 * 3600)
    }

    @Test func aPauseKeepsTheRemainingTimeForWhenTheApplicantReplies() {
        var clock = LegalClock(start: at("2026-11-23T08:00:00+07:00"), budget: .workingDays(3), calendar: calendar)
        #expect(clock.due == at("2026-11-25T17:00:00+07:00"))
        clock.pause(at: at("2026-11-24T08:00:00+07:00"), calendar: calendar)   // two working days left
        #expect(clock.due == nil)
        #expect(clock.remainingWorkingSeconds == 2 * 27000)
        clock.resume(at: at("2026-11-30T13:30:00+07:00"), calendar: calendar)
        // 3.5 h on Monday afternoon, 7.5 h on Tuesday, 4 h on Wednesday morning: due at noon, not after lunch.
        #expect(clock.due == at("2026-12-02T12:00:00+07:00"))
    }

    @Test(arguments: [
        ("2026-11-24T10:00:00+07:00", Timeliness.early), ("2026-11-25T16:59:00+07:00", .onTime),
        ("2026-11-25T17:00:00+07:00", .onTime), ("2026-11-25T17:01:00+07:00", .late),
    ])
    func verdicts(end: String, expected: Timeliness) {
        #expect(Timeliness.verdict(end: at(end), due: at("2026-11-25T17:00:00+07:00")) == expected)
    }

    @Test func aSecondSupplementRequestMakesTheDossierLate() {
        #expect(Timeliness.verdict(end: at("2026-11-24T10:00:00+07:00"), due: at("2026-11-25T17:00:00+07:00"),
                                   countedLate: true) == .late)
    }
}

import Testing
@testable import MotCuaCore

@Suite struct HolidayCalendarTests {
    static let shipped: [AnnouncedDay] = [
        .init(date: CivilDate(iso: "2025-05-02")!, kind: .dayOff, name: "Nghỉ hoán đổi"),
        .init(date: CivilDate(iso: "2025-04-26")!, kind: .workingDay, name: "Làm bù"),
        .init(date: CivilDate(iso: "2024-04-29")!, kind: .dayOff, name: "Nghỉ hoán đổi"),
        .init(date: CivilDate(iso: "2024-05-04")!, kind: .workingDay, name: "Làm bù"),
    ] + ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"].map {
        .init(date: CivilDate(iso: $0)!, kind: .dayOff, name: "Tết Giáp Thìn", replaces: .lunarNewYear)
    }

    let calendar = HolidayCalendar(announcements: shipped)

    func days(_ year: Int) -> [String] { calendar.daysOff(in: year).map(\.date.description) }

    @Test func ruleYear2030MovesWeekendTetDaysToTheNextWorkingDays() {
        // Tết 2030: 1/2 (Fri) to 5/2 (Tue); Sat 2/2 and Sun 3/2 are taken on Wed 6/2 and Thu 7/2.
        #expect(days(2030) == ["2030-01-01", "2030-02-01", "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07",
                               "2030-04-12", "2030-04-30", "2030-05-01", "2030-09-02", "2030-09-03"])
    }

    @Test func announcedSwapsOverrideTheRule() {
        #expect(days(2025).contains("2025-05-02"))
        #expect(calendar.isWorkingDay(CivilDate(iso: "2025-04-26")!))   // a Saturday worked
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2024-04-29")!))
        #expect(calendar.isWorkingDay(CivilDate(iso: "2024-05-04")!))
    }

    @Test func announcedTetReplacesTheRuleDaysAndTheirCompensation() {
        let tet2024 = days(2024).filter { $0.hasPrefix("2024-02") }
        #expect(tet2024 == ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"])
        #expect(calendar.isWorkingDay(CivilDate(iso: "2024-02-15")!))
    }

    @Test(arguments: [
        ("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"),   // 10/3 lunar on Sunday 26/4/2026
        ("2023-09-04", "Nghỉ bù Quốc khánh (2/9)"),                  // 2/9/2023 on Saturday
        ("2022-01-03", "Nghỉ bù Tết Dương lịch"),                     // 1/1/2022 on Saturday
    ])
    func weekendHolidayMovesToNextWorkingDay(date: String, name: String) {
        #expect(calendar.daysOff(in: Int(date.prefix(4))!).first { $0.date.description == date }?.name == name)
    }

    @Test(arguments: [(2024, ["2024-09-02", "2024-09-03"]), (2025, ["2025-09-01", "2025-09-02"]),
                      (2022, ["2022-09-01", "2022-09-02"]), (2021, ["2021-09-02", "2021-09-03"])])
    func nationalDayTakesTheAdjacentDayJoiningTheWeekend(year: Int, expected: [String]) {
        #expect(days(year).filter { $0.contains("-09-0") } == expected)
    }

    /// The first and last day of a year (a leap year's 366th too), and years beyond those the lunar calendar is exact
    /// for (their fixed holidays still count).
    @Test(arguments: [("2024-01-01", false), ("2024-01-02", true), ("2024-12-31", true), ("2028-12-29", true),
                      ("2028-12-30", false), ("2026-12-31", true), ("2100-01-01", false), ("2100-01-04", true),
                      ("2100-01-02", false), ("1900-01-02", true)])
    func workingDaysAtTheEndsOfAYear(date: String, working: Bool) {
        #expect(calendar.isWorkingDay(CivilDate(iso: date)!) == working)
    }

    /// A year no four-digit date names is worked out when asked, by the same rules: 1/1/10000 is a Saturday, so
    /// Monday the 3rd is its day in lieu.
    @Test func aYearBeyondFourDigitsFollowsTheSameRules() {
        #expect(!calendar.isWorkingDay(CivilDate(year: 10000, month: 1, day: 3)!))
        #expect(calendar.isWorkingDay(CivilDate(year: 10000, month: 1, day: 4)!))
    }
}

import Testing
@testable import MotCuaCore

/// Tết dates of the Vietnamese calendar (UTC+7), including years where China's differs (1968, 1985, 2007, 2030).
@Suite struct LunarCalendarTests {
    static let tet: [(Int, Int, Int)] = [
        (1968, 1, 29), (1985, 1, 21), (2000, 2, 5), (2007, 2, 17), (2010, 2, 14), (2015, 2, 19), (2017, 1, 28),
        (2018, 2, 16), (2019, 2, 5), (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10),
        (2025, 1, 29), (2026, 2, 17), (2027, 2, 6), (2028, 1, 26), (2029, 2, 13), (2030, 2, 2),
    ]

    @Test(arguments: tet)
    func newYearFallsOnTheVietnameseDate(year: Int, month: Int, day: Int) {
        #expect(VietnameseLunarCalendar.newYear(year) == CivilDate(year: year, month: month, day: day))
    }

    @Test(arguments: [(2022, 4, 10), (2023, 4, 29), (2024, 4, 18), (2025, 4, 7), (2026, 4, 26)])
    func hungKingsDayIsTenthOfThirdLunarMonth(year: Int, month: Int, day: Int) {
        #expect(VietnameseLunarCalendar.solarDate(of: .init(day: 10, month: 3, year: year)) == CivilDate(year: year, month: month, day: day))
    }

    @Test func lunarAndSolarConversionsAreInverse() {
        var date = CivilDate(year: 1900, month: 3, day: 1)!
        while date.year <= 2100 {
            let lunar = VietnameseLunarCalendar.lunarDate(of: date)
            #expect(VietnameseLunarCalendar.solarDate(of: lunar) == date)
            date = date.adding(days: 37)
        }
    }

    @Test func aLeapMonthThatDoesNotExistIsRefused() {
        // 2023 had a leap second month (tháng 2 nhuận); it had no leap fifth month.
        #expect(VietnameseLunarCalendar.solarDate(of: .init(day: 1, month: 2, year: 2023, isLeapMonth: true)) == CivilDate(year: 2023, month: 3, day: 22))
        #expect(VietnameseLunarCalendar.solarDate(of: .init(day: 1, month: 5, year: 2023, isLeapMonth: true)) == nil)
    }
}

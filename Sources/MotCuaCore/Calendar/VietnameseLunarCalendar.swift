import Foundation

/// Âm lịch Việt Nam — the Vietnamese lunisolar calendar, computed from astronomical new moons and solar
/// terms at UTC+7 (Hồ Ngọc Đức's algorithm, after Meeus). It differs from the Chinese calendar (UTC+8) in some
/// years: Tết 1985 fell on 21 January in Vietnam and on 20 February in China.
///
/// Accurate for 1900–2100, the range the tests cover.
public enum VietnameseLunarCalendar {
    /// A day of the lunar calendar; `isLeapMonth` marks the intercalary month (tháng nhuận).
    public struct LunarDate: Hashable, Sendable {
        public let day: Int
        public let month: Int
        public let year: Int
        public let isLeapMonth: Bool

        public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
            self.day = day
            self.month = month
            self.year = year
            self.isLeapMonth = isLeapMonth
        }
    }

    static let timeZone = 7.0
    private static let synodicMonth = 29.530588853
    private static let epoch = 2_415_021.076998695

    /// The solar date of a lunar date; nil when that lunar date does not exist (a leap month that year lacks).
    public static func solarDate(of lunar: LunarDate) -> CivilDate? {
        let (a11, b11) = lunar.month < 11
            ? (lunarMonth11(year: lunar.year - 1), lunarMonth11(year: lunar.year))
            : (lunarMonth11(year: lunar.year), lunarMonth11(year: lunar.year + 1))
        let k = Int(floor(0.5 + (Double(a11) - epoch) / synodicMonth))
        var offset = lunar.month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11: a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if lunar.isLeapMonth && lunar.month != leapMonth { return nil }
            if lunar.isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if lunar.isLeapMonth {
            return nil
        }
        return CivilDate(julianDay: newMoonDay(k + offset) + lunar.day - 1)
    }

    /// The lunar date of a solar date.
    public static func lunarDate(of date: CivilDate) -> LunarDate {
        let dayNumber = date.julianDay
        let k = Int(floor((Double(dayNumber) - epoch) / synodicMonth))
        var monthStart = newMoonDay(k + 1)
        if monthStart > dayNumber { monthStart = newMoonDay(k) }
        var a11 = lunarMonth11(year: date.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = lunarMonth11(year: date.year - 1)
        } else {
            lunarYear = date.year + 1
            b11 = lunarMonth11(year: date.year + 1)
        }
        let lunarDay = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var lunarMonth = diff + 11
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(a11: a11)
            if diff >= leapDiff {
                lunarMonth = diff + 10
                isLeap = diff == leapDiff
            }
        }
        if lunarMonth > 12 { lunarMonth -= 12 }
        if lunarMonth >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: lunarDay, month: lunarMonth, year: lunarYear, isLeapMonth: isLeap)
    }

    /// Mùng 1 Tết — the first day of the lunar year that begins in the given solar year.
    public static func newYear(_ year: Int) -> CivilDate {
        // Day 1 of month 1 always exists.
        solarDate(of: LunarDate(day: 1, month: 1, year: year))!
    }

    // MARK: - Astronomy

    /// Julian day (local, UTC+7) of the k-th new moon after 1900-01-01.
    private static func newMoonDay(_ k: Int) -> Int {
        Int(floor(newMoon(k) + 0.5 + timeZone / 24))
    }

    /// The sun's longitude at local midnight starting a day, as one of 12 thirty-degree sectors (0...11).
    private static func sunLongitudeSector(_ dayNumber: Int) -> Int {
        Int(floor(sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6))
    }

    /// The day of the new moon that starts lunar month 11 (the month containing the winter solstice).
    private static func lunarMonth11(year: Int) -> Int {
        let off = Double(CivilDate(year: year, month: 12, day: 31)!.julianDay) - 2_415_021
        let k = Int(floor(off / synodicMonth))
        let newMoon = newMoonDay(k)
        return sunLongitudeSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon
    }

    /// Which month after month 11 is the leap month (the first without a major solar term).
    private static func leapMonthOffset(a11: Int) -> Int {
        let k = Int(floor((Double(a11) - epoch) / synodicMonth + 0.5))
        var last = 0
        var i = 1
        var arc = sunLongitudeSector(newMoonDay(k + i))
        repeat {
            last = arc
            i += 1
            arc = sunLongitudeSector(newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }

    /// Julian day (UT, fractional) of the k-th new moon (Meeus, Astronomical Algorithms, ch. 49).
    private static func newMoon(_ k: Int) -> Double {
        let kd = Double(k)
        let t = kd / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 -= 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// The sun's apparent longitude in radians (0...2π) at a Julian day in UT.
    private static func sunLongitude(_ jdn: Double) -> Double {
        let t = (jdn - 2_451_545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return l
    }
}

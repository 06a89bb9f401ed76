import Foundation

/// Lịch làm việc — the clock the law counts deadlines on: a province's days off and its office hours, in
/// Vietnam's time zone (UTC+7, no daylight saving). All functions are pure: time is always passed in.
public struct WorkingCalendar: Sendable {
    public let holidays: HolidayCalendar
    public let hours: WorkingHours

    /// Vietnam's offset from UTC, in seconds.
    public static let utcOffset = 7 * 3600

    public init(holidays: HolidayCalendar, hours: WorkingHours = .standard) {
        self.holidays = holidays
        self.hours = hours
    }

    /// The local calendar date and seconds after local midnight of an instant.
    public static func local(_ instant: Date) -> (date: CivilDate, second: Int) {
        let local = Int(floor(instant.timeIntervalSince1970)) + utcOffset
        let days = Int(floor(Double(local) / 86400))
        return (CivilDate(julianDay: 2_440_588 + days), local - days * 86400)
    }

    /// The instant of a local date and time of day.
    public static func instant(_ date: CivilDate, second: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval((date.julianDay - 2_440_588) * 86400 + second - utcOffset))
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool { holidays.isWorkingDay(date) }

    /// The instant reached after `seconds` of working time from `start`; time outside office hours does not
    /// count. With zero seconds it gives the first working instant at or after `start` (the moment a dossier
    /// filed at night or on a holiday counts as received). A result that falls on the end of a period stays there.
    public func adding(workingSeconds seconds: Int, to start: Date) -> Date {
        var (date, second) = Self.local(start)
        var remaining = max(0, seconds)
        while true {
            if isWorkingDay(date) {
                for period in hours.periods where period.end > second {
                    let from = max(second, period.start)
                    let available = period.end - from
                    if remaining <= available { return Self.instant(date, second: from + remaining) }
                    remaining -= available
                }
            }
            date = date.adding(days: 1)
            second = 0
        }
    }

    /// Working seconds between two instants (zero when `end` is not after `start`).
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        guard end > start else { return 0 }
        let (startDate, startSecond) = Self.local(start)
        let (endDate, endSecond) = Self.local(end)
        var total = 0
        var date = startDate
        while date <= endDate {
            if isWorkingDay(date) {
                let lower = date == startDate ? startSecond : 0
                let upper = date == endDate ? endSecond : 86400
                for period in hours.periods {
                    total += max(0, min(period.end, upper) - max(period.start, lower))
                }
            }
            date = date.adding(days: 1)
        }
        return total
    }

    /// Ngày hẹn trả — when a result is due for an allowance counted from `start`.
    ///
    /// Working days and hours run on office time only. "Within the day": received before the 15:00 cut-off
    /// (after moving to the first working instant), due at the close of that day; otherwise at the close of the
    /// next working day.
    public func due(from start: Date, budget: TimeBudget) -> Date {
        switch budget {
        case .workingDays, .workingHours:
            return adding(workingSeconds: budget.workingSeconds(per: hours), to: start)
        case .sameDay:
            let received = Self.local(adding(workingSeconds: 0, to: start))
            var day = received.date
            if received.second >= hours.sameDayCutoff { day = nextWorkingDay(after: day) }
            return Self.instant(day, second: hours.dayEnd)
        }
    }

    /// The first working day after a date.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate {
        var next = date.adding(days: 1)
        while !isWorkingDay(next) { next = next.adding(days: 1) }
        return next
    }

    /// The working day `n` working days before a date (for "no later than one working day before the deadline").
    public func workingDay(_ n: Int, before date: CivilDate) -> CivilDate {
        var day = date
        var left = n
        while left > 0 {
            day = day.adding(days: -1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}

extension WorkingCalendar {
    /// An instant as an officer writes it on a form: `09:30 ngày 02/03/2026` (Việt Nam time).
    public static func vietnamese(_ instant: Date) -> String {
        let (date, second) = local(instant)
        return "\(CivilDate.pad(second / 3600, 2)):\(CivilDate.pad(second % 3600 / 60, 2)) ngày \(date.vietnamese)"
    }
}

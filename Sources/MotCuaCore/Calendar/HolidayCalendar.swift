import Synchronization

/// Lịch nghỉ lễ của tỉnh — a province's calendar of days off: the Labour Code's holidays computed by rule,
/// weekend holidays moved to the next working day, and the announced days that override the rule.
///
/// Years are computed on first use and kept, so asking "is this a working day?" is a dictionary look-up.
public final class HolidayCalendar: Sendable {
    private let announcements: [Int: [AnnouncedDay]]
    private let years = Mutex<[Int: YearTable]>([:])

    /// The days off and the working Saturdays of one year.
    private struct YearTable {
        var daysOff: [CivilDate: String] = [:]
        var workingDays: Set<CivilDate> = []
    }

    /// The years the lunar calendar is exact for and the calendar answers for.
    public static let supportedYears = 1901...2099

    public init(announcements: [AnnouncedDay]) {
        self.announcements = Dictionary(grouping: announcements, by: { $0.date.year })
    }

    /// Every weekday (Monday–Friday) that is a day off in the year, in date order, with its name. Weekend days
    /// are off anyway and are not listed; an announced working day is not a day off.
    public func daysOff(in year: Int) -> [DayOff] {
        table(for: year).daysOff
            .filter { !$0.key.isWeekend }
            .map { DayOff(date: $0.key, name: $0.value) }
            .sorted { $0.date < $1.date }
    }

    /// Whether officers work on that day: not a weekend unless announced as a working day, and not a day off.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        let year = table(for: date.year)
        if year.workingDays.contains(date) { return true }
        return !date.isWeekend && year.daysOff[date] == nil
    }

    private func table(for year: Int) -> YearTable {
        if let known = years.withLock({ $0[year] }) { return known }
        let computed = compute(year)
        years.withLock { $0[year] = computed }
        return computed
    }

    private func compute(_ year: Int) -> YearTable {
        let announced = announcements[year] ?? []
        let replaced = Set(announced.compactMap(\.replaces))
        var table = YearTable()
        let ruleDays = HolidayKind.allCases
            .filter { !replaced.contains($0) }
            .flatMap { kind in kind.ruleDays(in: year).map { (date: $0, kind: kind) } }
            .sorted { $0.date < $1.date }
        for holiday in ruleDays { table.daysOff[holiday.date] = holiday.kind.vietnameseName }
        // Art. 112(3): a holiday on the weekly rest day is taken on the next working day.
        for holiday in ruleDays where holiday.date.isWeekend {
            var next = holiday.date.adding(days: 1)
            while next.isWeekend || table.daysOff[next] != nil { next = next.adding(days: 1) }
            table.daysOff[next] = "Nghỉ bù \(holiday.kind.vietnameseName)"
        }
        for day in announced {
            switch day.kind {
            case .dayOff: table.daysOff[day.date] = day.name
            case .workingDay:
                table.workingDays.insert(day.date)
                table.daysOff[day.date] = nil
            }
        }
        return table
    }
}

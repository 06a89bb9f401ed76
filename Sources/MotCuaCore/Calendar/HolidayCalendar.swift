import Synchronization

/// Lịch nghỉ lễ của tỉnh — a province's calendar of days off: the Labour Code's holidays computed by rule,
/// weekend holidays moved to the next working day, and the announced days that override the rule.
///
/// Years are computed on first use and kept, each with a flag per day, so asking "is this a working day?" is an
/// index into an array: deadlines are counted day by day, several times for every step a dossier takes.
public final class HolidayCalendar: Sendable {
    private let announcements: [Int: [AnnouncedDay]]
    /// The tables of the years computed so far, each at its year's offset in `keptYears`.
    private let years = Mutex<[YearTable?]>(Array(repeating: nil, count: keptYears.count))
    /// The years whose tables are kept once computed: every year a four-digit date names, so that counting days
    /// across many years (a date far ahead, however unlikely) works each year out once.
    private static let keptYears = 0...9999

    /// The days off of one year, with their names, and whether officers work on each of its days.
    private final class YearTable: Sendable {
        let daysOff: [CivilDate: String]
        let firstJulianDay: Int
        /// One flag per day from 1 January: not a weekend unless announced as a working day, and not a day off.
        let working: [Bool]

        init(year: Int, daysOff: [CivilDate: String], workingDays: Set<CivilDate>) {
            self.daysOff = daysOff
            let first = CivilDate(year: year, month: 1, day: 1)!.julianDay
            let next = CivilDate(year: year + 1, month: 1, day: 1)!.julianDay
            firstJulianDay = first
            working = (first..<next).map { julianDay in
                let date = CivilDate(julianDay: julianDay)
                return workingDays.contains(date) || !date.isWeekend && daysOff[date] == nil
            }
        }
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
        return year.working[date.julianDay - year.firstJulianDay]
    }

    /// The year's table, computed on first use; a year no four-digit date names is computed each time.
    private func table(for year: Int) -> YearTable {
        guard Self.keptYears.contains(year) else { return compute(year) }
        let slot = year - Self.keptYears.lowerBound
        if let known = years.withLock({ $0[slot] }) { return known }
        let computed = compute(year)
        years.withLock { $0[slot] = computed }
        return computed
    }

    private func compute(_ year: Int) -> YearTable {
        let announced = announcements[year] ?? []
        let replaced = Set(announced.compactMap(\.replaces))
        var daysOff: [CivilDate: String] = [:]
        var workingDays: Set<CivilDate> = []
        let ruleDays = HolidayKind.allCases
            .filter { !replaced.contains($0) }
            .flatMap { kind in kind.ruleDays(in: year).map { (date: $0, kind: kind) } }
            .sorted { $0.date < $1.date }
        for holiday in ruleDays { daysOff[holiday.date] = holiday.kind.vietnameseName }
        // Art. 112(3): a holiday on the weekly rest day is taken on the next working day.
        for holiday in ruleDays where holiday.date.isWeekend {
            var next = holiday.date.adding(days: 1)
            while next.isWeekend || daysOff[next] != nil { next = next.adding(days: 1) }
            daysOff[next] = "Nghỉ bù \(holiday.kind.vietnameseName)"
        }
        for day in announced {
            switch day.kind {
            case .dayOff: daysOff[day.date] = day.name
            case .workingDay:
                workingDays.insert(day.date)
                daysOff[day.date] = nil
            }
        }
        return YearTable(year: year, daysOff: daysOff, workingDays: workingDays)
    }
}

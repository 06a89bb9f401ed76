/// Ngày lễ, tết — the public holidays of the Labour Code 2019, Art. 112, that every province observes.
public enum HolidayKind: String, Codable, Sendable, CaseIterable {
    case newYear = "tet-duong-lich"
    case lunarNewYear = "tet-nguyen-dan"
    case hungKings = "gio-to-hung-vuong"
    case reunification = "30-4"
    case labourDay = "1-5"
    case nationalDay = "quoc-khanh"

    /// The holiday's Vietnamese name, as the calendar shows it.
    public var vietnameseName: String {
        switch self {
        case .newYear: "Tết Dương lịch"
        case .lunarNewYear: "Tết Nguyên đán"
        case .hungKings: "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
        case .reunification: "Ngày Chiến thắng (30/4)"
        case .labourDay: "Ngày Quốc tế Lao động (1/5)"
        case .nationalDay: "Quốc khánh (2/9)"
        }
    }

    /// The days the rule of Art. 112 gives for a solar year, before weekend compensation.
    ///
    /// Tết: the last day of the lunar year and the first four days of the new one (the default until the
    /// Prime Minister announces the year's days). National Day: 2/9 and the adjacent day that joins it to a weekend.
    public func ruleDays(in year: Int) -> [CivilDate] {
        switch self {
        case .newYear: return [CivilDate(year: year, month: 1, day: 1)!]
        case .lunarNewYear:
            let firstDay = VietnameseLunarCalendar.newYear(year)
            return (-1...3).map { firstDay.adding(days: $0) }
        case .hungKings:
            return [VietnameseLunarCalendar.solarDate(of: .init(day: 10, month: 3, year: year))!]
        case .reunification: return [CivilDate(year: year, month: 4, day: 30)!]
        case .labourDay: return [CivilDate(year: year, month: 5, day: 1)!]
        case .nationalDay:
            let second = CivilDate(year: year, month: 9, day: 2)!
            // Monday, Thursday, Sunday: the day after joins the weekend; otherwise the day before.
            let adjacent = [1, 4, 7].contains(second.isoWeekday) ? second.adding(days: 1) : second.adding(days: -1)
            return [second, adjacent].sorted()
        }
    }
}

/// Ngày nghỉ — one day off in the calendar, with the name people know it by.
public struct DayOff: Hashable, Sendable, Codable {
    public let date: CivilDate
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// Ngày nghỉ, ngày làm bù được công bố — a day the Government or the province announced for a year: an extra
/// day off (a swap, or the year's Tết days) or a Saturday worked in exchange.
///
/// An announcement that `replaces` a holiday stands instead of that holiday's rule days (and their weekend
/// compensation) in the same year, so each year's decision overrides the default rule.
public struct AnnouncedDay: Hashable, Sendable, Codable {
    /// Ngày nghỉ hay ngày làm việc.
    public enum Kind: String, Codable, Sendable {
        case dayOff = "nghi"
        case workingDay = "lam-viec"
    }

    public let date: CivilDate
    public let kind: Kind
    public let name: String
    public let replaces: HolidayKind?

    public init(date: CivilDate, kind: Kind, name: String, replaces: HolidayKind? = nil) {
        self.date = date
        self.kind = kind
        self.name = name
        self.replaces = replaces
    }
}

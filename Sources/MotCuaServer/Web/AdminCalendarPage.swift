import Foundation
import MotCuaCore

/// Lịch nghỉ (quản trị) — the control office's page of one year's calendar: the weekdays off it gives (by the
/// Labour Code's rule and the announcements), the announced days with a button to remove those not yet past, and
/// the form to announce a day, which comes back with what was typed and the problem next to its field.
struct AdminCalendarPage {
    /// One weekday off.
    struct DayOffLine {
        let date: String
        let name: String
    }

    /// One announced day.
    struct AnnouncedLine {
        let date: String
        let iso: String
        let kind: String
        let name: String
        let replaces: String
        let mayRemove: Bool
    }

    let layout: PageLayout
    let year: Int
    let previousHref: String
    let nextHref: String
    let daysOff: [DayOffLine]
    let announced: [AnnouncedLine]
    let hasAnnounced: Bool
    let kinds: [SelectOption]
    let holidays: [SelectOption]
    let typed: [String: String]
    let errors: [String: String]
    let formError: String?
    let notice: String?

    static let fields = ["date", "kind", "name", "replaces"]

    init(layout: PageLayout, year: Int, calendar: WorkingCalendar, announced: [AnnouncedDay], today: CivilDate,
         typed: [String: String], problem: FieldProblem?, notice: String?) {
        self.layout = layout
        self.year = year
        previousHref = "/quan-tri/lich?nam=\(year - 1)"
        nextHref = "/quan-tri/lich?nam=\(year + 1)"
        daysOff = calendar.holidays.daysOff(in: year).map {
            DayOffLine(date: "\($0.date.vietnameseWeekday), \($0.date.vietnamese)", name: $0.name)
        }
        self.announced = announced.filter { $0.date.year == year }.map { day in
            AnnouncedLine(date: "\(day.date.vietnameseWeekday), \(day.date.vietnamese)", iso: day.date.description,
                          kind: day.kind == .dayOff ? "Ngày nghỉ" : "Ngày làm việc (làm bù)", name: day.name,
                          replaces: day.replaces?.vietnameseName ?? "", mayRemove: !(day.date < today))
        }
        hasAnnounced = !self.announced.isEmpty
        let kind = typed["kind"] ?? AnnouncedDay.Kind.dayOff.rawValue
        kinds = [SelectOption(value: AnnouncedDay.Kind.dayOff.rawValue, label: "Ngày nghỉ", selected: kind == AnnouncedDay.Kind.dayOff.rawValue),
                 SelectOption(value: AnnouncedDay.Kind.workingDay.rawValue, label: "Ngày làm việc (làm bù thứ Bảy, Chủ nhật)",
                              selected: kind == AnnouncedDay.Kind.workingDay.rawValue)]
        holidays = [SelectOption(value: "", label: "Không thay ngày lễ nào", selected: (typed["replaces"] ?? "").isEmpty)]
            + HolidayKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.vietnameseName, selected: typed["replaces"] == $0.rawValue) }
        self.typed = typed
        (errors, formError) = PageField.place(field: problem?.field, message: problem?.message, among: Self.fields)
        self.notice = notice
    }
}

import Foundation

/// Sửa lịch nghỉ — what the control office may record or remove: a day from today on (the deadlines already
/// counted used the calendar as it was), within the years the calendar answers for, with a name; a working day
/// only on a weekend, a day off only on a weekday unless it stands for a holiday's announced days, and only a day
/// off may stand for a holiday.
extension AnnouncedDay {
    public static let maximumNameLength = 200

    /// The first problem with recording this day on `today`, or nil.
    public func problem(today: CivilDate) -> FieldProblem? {
        if let problem = Self.changeProblem(date, today: today) { return problem }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= Self.maximumNameLength else {
            return FieldProblem(field: "name", message: "Cần ghi tên ngày (tối đa \(Self.maximumNameLength) ký tự), ví dụ \"Nghỉ hoán đổi dịp 2/9\".")
        }
        switch kind {
        case .workingDay:
            guard date.isWeekend else {
                return FieldProblem(field: "kind", message: "Ngày \(date.vietnamese) là ngày thường, vốn là ngày làm việc; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.")
            }
            guard replaces == nil else {
                return FieldProblem(field: "replaces", message: "Chỉ ngày nghỉ mới thay cho ngày lễ theo quy tắc.")
            }
        case .dayOff:
            guard !date.isWeekend || replaces != nil else {
                return FieldProblem(field: "kind", message: "Ngày \(date.vietnamese) là thứ Bảy hoặc Chủ nhật, vốn là ngày nghỉ.")
            }
        }
        return nil
    }

    /// The problem with changing (recording or removing) the day `date` on `today`, or nil.
    public static func changeProblem(_ date: CivilDate, today: CivilDate) -> FieldProblem? {
        guard HolidayCalendar.supportedYears.contains(date.year) else {
            return FieldProblem(field: "date", message: "Năm phải từ \(HolidayCalendar.supportedYears.lowerBound) đến \(HolidayCalendar.supportedYears.upperBound).")
        }
        guard !(date < today) else {
            return FieldProblem(field: "date", message: "Không sửa lịch của ngày đã qua (\(date.vietnamese)): thời hạn các hồ sơ đã tính theo lịch lúc đó.")
        }
        return nil
    }
}

import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Lịch nghỉ (quản trị) — the control office's calendar page (behind `AdministratorMiddleware`): a year's days off
/// and announced days; announcing and removing a day go through the API's own rules and apply at once.
struct AdminCalendarController {
    let pages: WebPages
    let calendar: LiveCalendar
    let now: @Sendable () -> Date

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/quan-tri/lich", use: year)
        router.post("/quan-tri/lich", use: announce)
        router.post("/quan-tri/lich/bo", use: remove)
    }

    @Sendable func year(_ request: Request, context: AppRequestContext) async throws -> Response {
        let asked = FormFields(request.uri.query ?? "").number("nam")
        let year = asked.flatMap { HolidayCalendar.supportedYears.contains($0) ? $0 : nil } ?? WorkingCalendar.local(now()).date.year
        return try await page(context, year: year, typed: [:], problem: nil, notice: nil)
    }

    @Sendable func announce(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        var typed: [String: String] = [:]
        for name in AdminCalendarPage.fields { typed[name] = String(fields[name].prefix(300)) }
        let year = CivilDate(iso: fields["date"])?.year ?? WorkingCalendar.local(now()).date.year
        func refused(_ status: HTTPResponse.Status, _ problem: FieldProblem) async throws -> Response {
            try await page(context, year: year, typed: typed, problem: problem, notice: nil, status: status)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try await refused(.forbidden, FieldProblem(field: "", message: CSRF.expired)) }
        guard let date = CivilDate(iso: fields["date"]) else { return try await refused(.unprocessableContent, FieldProblem(field: "date", message: "Chọn ngày.")) }
        guard let kind = AnnouncedDay.Kind(rawValue: fields["kind"]) else {
            return try await refused(.unprocessableContent, FieldProblem(field: "kind", message: "Chọn loại ngày."))
        }
        let replaces = HolidayKind(rawValue: fields["replaces"])
        if !fields["replaces"].isEmpty, replaces == nil {
            return try await refused(.unprocessableContent, FieldProblem(field: "replaces", message: "Chọn ngày lễ trong danh sách."))
        }
        let day = AnnouncedDay(date: date, kind: kind, name: fields["name"], replaces: replaces)
        do {
            try await CalendarController.record(day, by: try context.requireOfficer(), calendar: calendar, now: now())
        } catch let problem as Problem {
            return try await refused(problem.status, FieldProblem(field: problem.field ?? "", message: problem.message))
        }
        return try await page(context, year: year, typed: [:], problem: nil,
                              notice: "Đã lưu ngày \(date.vietnamese); lịch mới áp dụng ngay.")
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        let date = CivilDate(iso: fields["date"])
        let year = date?.year ?? WorkingCalendar.local(now()).date.year
        func refused(_ status: HTTPResponse.Status, _ message: String) async throws -> Response {
            try await page(context, year: year, typed: [:], problem: FieldProblem(field: "", message: message), notice: nil, status: status)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try await refused(.forbidden, CSRF.expired) }
        guard let date else { return try await refused(.unprocessableContent, "Chọn ngày cần bỏ.") }
        do {
            try await CalendarController.remove(date, by: try context.requireOfficer(), calendar: calendar, now: now())
        } catch let problem as Problem {
            return try await refused(problem.status, problem.message)
        }
        return try await page(context, year: year, typed: [:], problem: nil, notice: "Đã bỏ ngày \(date.vietnamese); lịch mới áp dụng ngay.")
    }

    private func page(_ context: AppRequestContext, year: Int, typed: [String: String], problem: FieldProblem?, notice: String?,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        try pages.render("admin-calendar", AdminCalendarPage(layout: PageLayout(title: "Lịch nghỉ năm \(year)", context: context),
                                                             year: year, calendar: calendar.current,
                                                             announced: try await calendar.store.announcedDays(),
                                                             today: WorkingCalendar.local(now()).date, typed: typed,
                                                             problem: problem, notice: notice), status: status)
    }
}

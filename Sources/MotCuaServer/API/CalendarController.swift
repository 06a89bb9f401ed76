import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Lịch làm việc — the province's calendar through the API: the days off of a year, a deadline counted in
/// working time, and the announced days (swaps, working Saturdays, each year's Tết) that the control office
/// records and removes; a change applies at once here (`LiveCalendar`).
struct CalendarController {
    let database: Database
    let calendar: LiveCalendar
    let now: @Sendable () -> Date

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/calendar/holidays", use: holidays)
        router.get("/api/calendar/due", use: due)
        router.get("/api/calendar/days", use: days)
        router.put("/api/calendar/days/{date}", use: record)
        router.delete("/api/calendar/days/{date}", use: remove)
    }

    @Sendable func holidays(_ request: Request, context: AppRequestContext) async throws -> Response {
        return try APICoding.response(calendar.current.holidays.daysOff(in: try Self.year(request)))
    }

    /// Hạn xử lý — `{"due": …}` for `from` plus `workingDays` or `workingHours`.
    @Sendable func due(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let fromText = query["from"], let from = APICoding.parse(String(fromText)) else {
            throw Problem.invalid(field: "from", "Thời điểm bắt đầu có dạng 2026-02-13T10:00:00+07:00.")
        }
        let days = try integer(query["workingDays"], field: "workingDays")
        let hours = try integer(query["workingHours"], field: "workingHours")
        let budget: TimeBudget
        do { budget = try TimeBudget.from(workingDays: days, workingHours: hours) } catch { throw Problem.invalid(error) }
        return try APICoding.response(["due": APICoding.format(calendar.current.due(from: from, budget: budget))])
    }

    /// An optional whole-number query parameter, or 422 naming it.
    private func integer(_ text: Substring?, field: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw Problem.invalid(field: field, "\(field) phải là số nguyên.") }
        return value
    }

    /// The announced days of a year, in date order.
    @Sendable func days(_ request: Request, context: AppRequestContext) async throws -> Response {
        let year = try Self.year(request)
        return try APICoding.response(try await calendar.store.announcedDays().filter { $0.date.year == year })
    }

    /// Một ngày công bố — the body of `PUT /api/calendar/days/{date}`.
    struct DayBody: Decodable {
        let kind: AnnouncedDay.Kind
        let name: String
        let replaces: HolidayKind?
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let date = try Self.date(context)
        let body = try await APICoding.decode(DayBody.self, from: request)
        let day = AnnouncedDay(date: date, kind: body.kind, name: body.name, replaces: body.replaces)
        try await Self.record(day, by: officer, calendar: calendar, now: now())
        return try APICoding.response(day)
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await Self.remove(try Self.date(context), by: try context.requireOfficer(), calendar: calendar, now: now())
        return Response(status: .noContent)
    }

    /// Records an announced day (replacing one on the same date) for the control office, and uses it at once.
    static func record(_ day: AnnouncedDay, by officer: UserStore.Officer, calendar: LiveCalendar, now: Date) async throws {
        try officer.requiringControlOffice(to: "sửa lịch nghỉ")
        if let problem = day.problem(today: WorkingCalendar.local(now).date) { throw Problem.invalid(problem) }
        try await calendar.store.save([AnnouncedDay(date: day.date, kind: day.kind, name: day.name.trimmingCharacters(in: .whitespaces),
                                                    replaces: day.replaces)])
        try await calendar.reload()
    }

    /// Removes the announced day on `date` (404 if none), and stops using it at once.
    static func remove(_ date: CivilDate, by officer: UserStore.Officer, calendar: LiveCalendar, now: Date) async throws {
        try officer.requiringControlOffice(to: "sửa lịch nghỉ")
        if let problem = AnnouncedDay.changeProblem(date, today: WorkingCalendar.local(now).date) { throw Problem.invalid(problem) }
        guard try await calendar.store.remove(date) else { throw Problem.notFound("ngày công bố \(date.vietnamese)") }
        try await calendar.reload()
    }

    private static func year(_ request: Request) throws -> Int {
        let years = HolidayCalendar.supportedYears
        guard let year = request.uri.queryParameters["year"].flatMap({ Int($0) }), years.contains(year) else {
            throw Problem.invalid(field: "year", "Năm phải từ \(years.lowerBound) đến \(years.upperBound).")
        }
        return year
    }

    private static func date(_ context: AppRequestContext) throws -> CivilDate {
        guard let date = CivilDate(iso: try context.parameters.require("date")) else {
            throw Problem.invalid(field: "date", "Ngày có dạng 2027-04-29.")
        }
        return date
    }
}

import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Việc của tôi và lịch vắng mặt — an officer's work queue (items they hold or cover, and those waiting for a
/// role they hold), and the absences that move an officer's items to a substitute.
struct WorkController {
    let database: Database
    let now: @Sendable () -> Date

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/work", use: queue)
        router.get("/api/absences", use: absences)
        router.post("/api/absences", use: recordAbsence)
    }

    /// Một việc trong hàng — a queue line: the item as stored, and whether its step is late now.
    struct QueueLine: Encodable {
        let entry: WorkItemStore.Entry
        let late: Bool

        enum CodingKeys: String, CodingKey { case late }

        func encode(to encoder: any Encoder) throws {
            try entry.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(late, forKey: .late)
        }
    }

    @Sendable func queue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let paging = try Paging(request)
        let filter = try WorkQueueFilter(query: FormFields(request.uri.query ?? ""))
        let instant = now()
        let page = try await WorkItemStore(database: database).queue(of: officer, at: instant, filter: filter, limit: paging.limit,
                                                                     offset: paging.offset)
        let lines = page.items.map { entry in
            QueueLine(entry: entry, late: DeadlineStanding(due: entry.dueAt, at: instant) == .late)
        }
        return try APICoding.response(PageBody(items: lines, total: page.total, limit: paging.limit, offset: paging.offset))
    }

    @Sendable func absences(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        return try APICoding.response(try await AbsenceStore(database: database).current(at: now(), agencyCodes: officer.agencyCodes))
    }

    /// An officer records their own absence, or a leader records one for an officer of their agency; the
    /// substitute works in the same agency. Overlapping another absence of the same officer gets 409.
    @Sendable func recordAbsence(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let absence = try await APICoding.decode(Absence.self, from: request)
        if let problem = absence.problem { throw Problem.invalid(problem) }
        let users = UserStore(database: database)
        guard let absent = try await users.officer(username: absence.username) else {
            throw Problem.invalid(field: "username", "Không có cán bộ \"\(absence.username)\".")
        }
        let leads = officer.roles.contains { [.unitLeader, .agencyLeader].contains($0.role) && absent.agencyCodes.contains($0.agencyCode) }
        guard absent.username == officer.username || leads else {
            throw Problem.forbidden("Chỉ chính cán bộ hoặc lãnh đạo cơ quan của cán bộ đó được ghi lịch vắng mặt.")
        }
        guard let substitute = try await users.officer(username: absence.substitute), substitute.active,
              !Set(substitute.agencyCodes).isDisjoint(with: absent.agencyCodes) else {
            throw Problem.invalid(field: "substitute", "Người xử lý thay phải là cán bộ đang làm việc cùng cơ quan.")
        }
        if let clash = try await AbsenceStore(database: database).add(absence, recordedBy: officer.username) {
            throw Problem(.conflict, code: "absence-overlaps", message: "Cán bộ \(absence.username) đã có lịch vắng mặt từ "
                + "\(WorkingCalendar.vietnamese(clash.startsAt)) đến \(WorkingCalendar.vietnamese(clash.endsAt)).",
                field: "startsAt")
        }
        return try APICoding.response(absence, status: .created)
    }
}

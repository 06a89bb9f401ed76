import Foundation
@testable import MotCuaCore

/// Một hồ sơ mẫu để thử quy tắc — a ward's marital-status procedure (3 working days; a 2-day examination and a
/// 2-hour signature), the sequential process drawn from it, and requests from officers with given roles.
struct WorkflowFixture {
    static let agency = "000.30.01.H26"
    let workflow = DossierWorkflow(calendar: WorkingCalendar(holidays: HolidayCalendar(announcements: [])))
    let procedure = Procedure(
        code: "1.004873", name: "Cấp Giấy xác nhận tình trạng hôn nhân", field: "Hộ tịch", level: .commune,
        agencyKind: "ubnd-xa", competentAgency: "UBND cấp xã", deadline: .workingDays(3), fees: [], documents: [],
        onlineLevel: .full, results: [], legalBasis: [], status: .inForce, effectiveFrom: nil, repealedOn: nil,
        steps: [ProcessStep(name: "Thẩm định", unit: "Tư pháp – Hộ tịch", role: .specialist, budget: .workingDays(2)),
                ProcessStep(name: "Ký", unit: "Lãnh đạo", role: .agencyLeader, budget: .workingHours(2))])

    /// An instant written in Hanoi time, `2026-11-23T08:00:00`.
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "+07:00")! }

    func engine(_ definition: ProcessDefinition? = nil, partners: [String: ProcessBinding.Partner] = [:]) -> ProcessEngine {
        ProcessEngine(definition: definition ?? .sequential(procedure, effectiveFrom: CivilDate(year: 2026, month: 1, day: 1)!),
                      calendar: workflow.calendar, agencyCode: Self.agency, partners: partners)
    }

    /// An officer named `username` holding `roles` in the ward.
    static func actor(_ username: String = "cb", _ roles: Set<OfficerRole>, covering: Set<String> = []) -> Actor {
        Actor(username: username, rolesByAgency: [agency: roles], covering: covering)
    }

    func request(_ action: DossierAction, _ when: String, roles: Set<OfficerRole>, username: String = "cb",
                 reason: String? = nil, newDue: String? = nil, workItem: Int? = nil, decision: String? = nil,
                 assignee: String? = nil, covering: Set<String> = []) -> TransitionRequest {
        TransitionRequest(action: action, at: Self.at(when), actor: Self.actor(username, roles, covering: covering),
                          actorRoles: roles, reason: reason, newDue: newDue.map(Self.at), workItem: workItem,
                          decision: decision, assignee: assignee)
    }

    func received(_ when: String = "2026-11-23T08:00:00") -> DossierState {
        workflow.received(at: Self.at(when), budget: procedure.deadline)
    }
}

import Foundation
import Testing
@testable import MotCuaCore

@Suite struct DossierWorkflowTests {
    let fixture = WorkflowFixture()
    var workflow: DossierWorkflow { fixture.workflow }
    let budget = TimeBudget.workingDays(3)

    func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func step(_ state: DossierState, _ action: DossierAction, _ when: String, roles: Set<OfficerRole>,
              reason: String? = nil, newDue: String? = nil) throws(TransitionError) -> DossierState {
        let local = { (text: String) in String(text.dropLast(6)) }
        return try workflow.apply(fixture.request(action, local(when), roles: roles, reason: reason, newDue: newDue.map(local)),
                                  to: state, engine: fixture.engine(), budget: budget)
    }

    @Test func aDossierGoesFromIntakeToResultWithSupplementAndExtension() throws {
        var state = workflow.received(at: at("2026-11-23T08:00:00+07:00"), budget: budget)
        state = try step(state, .accept, "2026-11-23T08:00:00+07:00", roles: [.deskOfficer])
        #expect(state.clock.due == at("2026-11-25T17:00:00+07:00"))
        state = try step(state, .forward, "2026-11-23T09:00:00+07:00", roles: [.deskOfficer])
        #expect(state.work?.openItems.map(\.name) == ["Thẩm định"] && state.status == .processing)
        #expect(state.stepDue == at("2026-11-25T09:00:00+07:00"))
        state = try step(state, .requestSupplement, "2026-11-24T08:00:00+07:00", roles: [.specialist], reason: "Thiếu giấy tờ")
        #expect(state.status == .supplementRequested && state.clock.isPaused)
        state = try step(state, .supplied, "2026-11-26T08:00:00+07:00", roles: [.deskOfficer])
        #expect(state.clock.due == at("2026-11-27T17:00:00+07:00"))
        state = try step(state, .extend, "2026-11-26T09:00:00+07:00", roles: [.agencyLeader], reason: "Cần xác minh",
                         newDue: "2026-12-02T17:00:00+07:00")
        #expect(state.clock.due == at("2026-12-02T17:00:00+07:00") && state.extensions == 1)
        state = try step(state, .forward, "2026-11-30T09:00:00+07:00", roles: [.specialist])
        state = try step(state, .finish, "2026-11-30T10:00:00+07:00", roles: [.agencyLeader])
        #expect(state.status == .done && state.timeliness == .early)
        state = try step(state, .returnResult, "2026-12-01T08:00:00+07:00", roles: [.deskOfficer])
        #expect(state.status == .returned && state.version == 9)
    }

    @Test func rulesRefuseWhatTheLawForbids() throws {
        let received = workflow.received(at: at("2026-11-23T08:00:00+07:00"), budget: budget)
        #expect(throws: TransitionError.notAllowedFrom(.registered, .finish)) {
            try step(received, .finish, "2026-11-23T09:00:00+07:00", roles: [.agencyLeader])
        }
        #expect(throws: TransitionError.reasonRequired) {
            try step(received, .refuse, "2026-11-23T09:00:00+07:00", roles: [.deskOfficer], reason: "  ")
        }
        #expect(throws: TransitionError.roleRequired([.deskOfficer])) {
            try step(received, .accept, "2026-11-23T09:00:00+07:00", roles: [.inspector])
        }
        let accepted = try step(received, .accept, "2026-11-23T08:00:00+07:00", roles: [.deskOfficer])
        let inStep = try step(accepted, .forward, "2026-11-23T08:30:00+07:00", roles: [.deskOfficer])
        #expect(throws: TransitionError.roleRequired([.specialist])) {
            try step(inStep, .forward, "2026-11-23T09:00:00+07:00", roles: [.deskOfficer])
        }
        // The apology must come at least one working day before the deadline (25/11 17:00 → by 24/11).
        #expect(throws: TransitionError.extensionTooLate(latest: CivilDate(iso: "2026-11-24")!)) {
            try step(inStep, .extend, "2026-11-25T09:00:00+07:00", roles: [.agencyLeader], reason: "x", newDue: "2026-12-01T17:00:00+07:00")
        }
        #expect(throws: TransitionError.newDueNotLater) {
            try step(inStep, .extend, "2026-11-23T09:00:00+07:00", roles: [.agencyLeader], reason: "x", newDue: "2026-11-24T17:00:00+07:00")
        }
    }

    @Test func aSecondSupplementRequestIsCountedLate() throws {
        var state = try step(workflow.received(at: at("2026-11-23T08:00:00+07:00"), budget: budget), .accept,
                             "2026-11-23T08:00:00+07:00", roles: [.deskOfficer])
        for day in ["24", "26"] {
            state = try step(state, .requestSupplement, "2026-11-\(day)T08:00:00+07:00", roles: [.deskOfficer], reason: "Thiếu")
            state = try step(state, .supplied, "2026-11-\(day)T09:00:00+07:00", roles: [.deskOfficer])
        }
        state = try step(state, .forward, "2026-11-26T10:00:00+07:00", roles: [.deskOfficer])
        state = try step(state, .forward, "2026-11-26T11:00:00+07:00", roles: [.specialist])
        state = try step(state, .finish, "2026-11-26T11:30:00+07:00", roles: [.agencyLeader])
        #expect(state.lateBySecondSupplement && state.timeliness == .late)
    }
}

import Foundation
import Testing
@testable import MotCuaCore

/// Who may work on an item: the unit's queue, claiming and putting back, a leader's assignment, and a colleague
/// covering an absent officer.
@Suite struct WorkAssignmentTests {
    let fixture = WorkflowFixture()

    /// A dossier in its first step (examination, role specialist), Mon 23/11 09:00.
    func inExamination() throws -> DossierState {
        let accepted = try fixture.workflow.apply(fixture.request(.accept, "2026-11-23T08:00:00", roles: [.deskOfficer]),
                                                  to: fixture.received(), engine: fixture.engine(), budget: fixture.procedure.deadline)
        return try apply(.forward, "2026-11-23T09:00:00", to: accepted, roles: [.deskOfficer], username: "motcua")
    }

    func apply(_ action: DossierAction, _ when: String, to state: DossierState, roles: Set<OfficerRole>, username: String,
               assignee: String? = nil, covering: Set<String> = [], workItem: Int? = nil) throws(TransitionError) -> DossierState {
        try fixture.workflow.apply(fixture.request(action, when, roles: roles, username: username, workItem: workItem,
                                                   assignee: assignee, covering: covering),
                                   to: state, engine: fixture.engine(), budget: fixture.procedure.deadline)
    }

    @Test func aClaimedItemIsTheHoldersAloneUntilReleased() throws {
        var state = try inExamination()
        #expect(state.work?.openItems.first?.assignee == nil, "it waits in the unit's queue")
        state = try apply(.claim, "2026-11-23T09:10:00", to: state, roles: [.specialist], username: "an")
        #expect(state.work?.openItems.first?.assignee == "an")
        #expect(throws: TransitionError.heldByOther("an")) {
            try apply(.forward, "2026-11-23T10:00:00", to: state, roles: [.specialist], username: "binh")
        }
        #expect(throws: TransitionError.heldByOther("an")) {
            try apply(.claim, "2026-11-23T10:00:00", to: state, roles: [.specialist], username: "binh")
        }
        state = try apply(.release, "2026-11-23T10:00:00", to: state, roles: [.specialist], username: "an")
        #expect(state.work?.openItems.first?.assignee == nil)
        state = try apply(.forward, "2026-11-23T11:00:00", to: state, roles: [.specialist], username: "binh")
        #expect(state.work?.item(1)?.closedBy == "binh", "taking an item from the queue and completing it in one go")
    }

    @Test func aLeaderAssignsAndAColleagueCoversAnAbsentHolder() throws {
        var state = try inExamination()
        #expect(throws: TransitionError.roleRequired([.unitLeader, .agencyLeader])) {
            try apply(.assign, "2026-11-23T09:10:00", to: state, roles: [.specialist], username: "binh", assignee: "binh")
        }
        #expect(throws: TransitionError.assigneeRequired) {
            try apply(.assign, "2026-11-23T09:10:00", to: state, roles: [.unitLeader], username: "truong")
        }
        state = try apply(.assign, "2026-11-23T09:10:00", to: state, roles: [.unitLeader], username: "truong", assignee: "an")
        #expect(state.work?.openItems.first?.assignee == "an")
        state = try apply(.forward, "2026-11-24T09:00:00", to: state, roles: [.specialist], username: "binh", covering: ["an"])
        #expect(state.work?.item(1)?.closedBy == "binh" && state.work?.openItems.map(\.name) == ["Ký"])
    }

    @Test func theRoleOfTheStepIsRequiredAndNothingChanges() throws {
        let state = try inExamination()
        #expect(throws: TransitionError.roleRequired([.specialist])) {
            try apply(.forward, "2026-11-23T10:00:00", to: state, roles: [.deskOfficer], username: "motcua")
        }
        #expect(throws: TransitionError.workItemUnknown(7)) {
            try apply(.claim, "2026-11-23T10:00:00", to: state, roles: [.specialist], username: "an", workItem: 7)
        }
        #expect(throws: TransitionError.noStepsLeft) {
            let signing = try apply(.forward, "2026-11-23T10:00:00", to: state, roles: [.specialist], username: "an")
            _ = try apply(.forward, "2026-11-23T11:00:00", to: signing, roles: [.agencyLeader], username: "ld")
        }
    }

    @Test func twoOpenItemsMustBeNamed() throws {
        let process = ProcessEngineTests.process(
            [ProcessNode(id: "tach", name: "", kind: .parallel), ProcessEngineTests.step("a", "A", .specialist, .workingDays(1)),
             ProcessEngineTests.step("b", "B", .specialist, .workingDays(1)), ProcessNode(id: "gop", name: "", kind: .parallel)],
            [ProcessEngineTests.flow("start", "tach"), ProcessEngineTests.flow("tach", "a"), ProcessEngineTests.flow("tach", "b"),
             ProcessEngineTests.flow("a", "gop"), ProcessEngineTests.flow("b", "gop"), ProcessEngineTests.flow("gop", "end")])
        let work = try fixture.engine(process).start(at: WorkflowFixture.at("2026-11-23T09:00:00"), decision: nil)
        var state = fixture.received()
        state.status = .processing
        state.work = work
        func claim(_ request: TransitionRequest) throws(TransitionError) -> WorkItem? {
            try fixture.workflow.transition(request, from: state, engine: fixture.engine(process), budget: fixture.procedure.deadline).item
        }
        let request = fixture.request(.claim, "2026-11-23T09:10:00", roles: [.specialist])
        #expect(throws: TransitionError.workItemRequired([1, 2])) { try claim(request) }
        let named = fixture.request(.claim, "2026-11-23T09:10:00", roles: [.specialist], workItem: 2)
        #expect(try claim(named)?.name == "b")
    }
}

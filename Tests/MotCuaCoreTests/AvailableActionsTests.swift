import Foundation
import Testing
@testable import MotCuaCore

/// Only the actions an officer may take now are offered: by status, by role, by who holds the item, and not past
/// the last day for an apology.
@Suite struct AvailableActionsTests {
    let fixture = WorkflowFixture()
    let assignments = WorkAssignmentTests()

    func offered(_ state: DossierState, roles: Set<OfficerRole>, username: String = "cb", at when: String = "2026-11-23T10:00:00")
        -> [DossierAction] {
        AvailableActions(for: WorkflowFixture.actor(username, roles), roles: roles, state: state, workflow: fixture.workflow,
                         engine: fixture.engine(), budget: fixture.procedure.deadline, at: WorkflowFixture.at(when))
            .offers.map(\.action)
    }

    @Test func eachStatusAndRoleGetsItsOwnActions() throws {
        let received = fixture.received()
        #expect(offered(received, roles: [.deskOfficer]) == [.accept, .refuse, .withdraw])
        #expect(offered(received, roles: [.specialist]) == [], "a specialist does not receive dossiers")
        let examination = try assignments.inExamination()
        #expect(offered(examination, roles: [.specialist]) == [.forward, .requestSupplement, .requestPayment, .extend, .claim])
        #expect(offered(examination, roles: [.agencyLeader, .unitLeader]) == [.requestSupplement, .requestPayment, .extend, .stop, .assign],
                "a leader may give the examination to someone but not do it")
        #expect(offered(examination, roles: [.deskOfficer]) == [.requestSupplement, .requestPayment, .withdraw])
    }

    @Test func aHeldItemIsOfferedToItsHolderOnly() throws {
        let held = try assignments.apply(.claim, "2026-11-23T09:10:00", to: try assignments.inExamination(),
                                         roles: [.specialist], username: "an")
        #expect(offered(held, roles: [.specialist], username: "an") == [.forward, .requestSupplement, .requestPayment, .extend, .release])
        #expect(offered(held, roles: [.specialist], username: "binh") == [.requestSupplement, .requestPayment, .extend],
                "another specialist can neither do nor take it")
    }

    @Test func anApologyIsNotOfferedAfterItsLastDay() throws {
        let examination = try assignments.inExamination()
        // Accepted Mon 23/11 08:00 with 3 working days: appointment Wed 25/11 17:00; the apology comes by Tue 24/11.
        #expect(offered(examination, roles: [.specialist], at: "2026-11-24T16:00:00").contains(.extend))
        #expect(!offered(examination, roles: [.specialist], at: "2026-11-25T09:00:00").contains(.extend))
    }

    @Test func completingAStepOffersTheChoiceThatFollowsIt() throws {
        let process = ProcessEngineTests.reviewLoop
        let engine = fixture.engine(process)
        var state = fixture.received()
        state.status = .processing
        state.work = try engine.start(at: WorkflowFixture.at("2026-11-23T08:00:00"), decision: nil)
        let offers = AvailableActions(for: WorkflowFixture.actor("cb", [.specialist]), roles: [.specialist], state: state,
                                      workflow: fixture.workflow, engine: engine, budget: fixture.procedure.deadline,
                                      at: WorkflowFixture.at("2026-11-23T09:00:00")).offers
        let forward = try #require(offers.first { $0.action == .forward })
        #expect(forward.decisions.map(\.decision) == ["duyet", "tra-lai"], "the examination's choice is offered")
        #expect(forward.workItems.map(\.nodeId) == ["tham-dinh"])
    }
}

import Foundation
import Testing
@testable import MotCuaCore

/// Forms read from a dossier's events: a late hand-off, a stop, a second supplement request.
@Suite struct FormsTests {
    let fixture = WorkflowFixture()
    var procedure: Procedure { fixture.procedure }

    func at(_ text: String) -> Date { WorkflowFixture.at(text) }

    /// Runs actions through the workflow as the server does, recording one event per transition.
    func record(_ actions: [(DossierAction, String, Set<OfficerRole>, String?)]) throws -> DossierRecord {
        let receivedAt = at("2026-11-23T08:00:00")
        let applicant = Applicant(kind: .citizen, name: "Lê Văn B", personalId: "001090000002", taxCode: nil,
                                  address: "Hà Nội", phone: nil, email: nil)
        var dossier = Dossier(code: "000.30.01.H26-261123-0001", procedureCode: procedure.code, procedureName: procedure.name,
                              agencyCode: "000.30.01.H26", receivedByAgencyCode: "000.30.01.H26", channel: .counter,
                              applicant: applicant, unitKey: nil, receivedAt: receivedAt, receivedBy: "motcua",
                              documents: [], sets: 1, request: "", state: fixture.received())
        var events = [DossierEvent(sequence: 1, action: DossierEvent.intake, actor: "motcua", at: receivedAt, fromStatus: nil,
                                   toStatus: .registered, reason: nil, dueAfter: dossier.state.clock.due)]
        for (action, time, roles, reason) in actions {
            let before = dossier.state
            dossier.state = try fixture.workflow.apply(fixture.request(action, time, roles: roles, reason: reason),
                                                       to: before, engine: fixture.engine(), budget: procedure.deadline)
            events.append(DossierEvent(sequence: events.count + 1, action: action.rawValue, actor: "cb", at: at(time),
                                       fromStatus: before.status, toStatus: dossier.state.status, reason: reason,
                                       dueAfter: dossier.state.clock.due, stepDueAfter: dossier.state.stepDue))
        }
        return DossierRecord(dossier: dossier, events: events, procedure: procedure,
                             agencyNames: ["000.30.01.H26": "UBND phường Ba Đình"], officerNames: ["cb": "Cán Bộ"])
    }

    @Test func aStepHandedOnAfterItsBudgetIsLateAndAStopEndsTheSlip() throws {
        let record = try record([
            (.accept, "2026-11-23T08:00:00", [.deskOfficer], nil),
            (.forward, "2026-11-23T09:00:00", [.deskOfficer], nil),
            // Two working days from Mon 09:00 is Wed 09:00; the specialist hands on Thu.
            (.forward, "2026-11-26T09:00:00", [.specialist], nil),
            (.stop, "2026-11-26T10:00:00", [.agencyLeader], "Người nộp không đủ điều kiện"),
        ])
        let slip = ProcessControlSlip(record)
        #expect(slip.handOffs.map(\.toUnit) == ["Tư pháp – Hộ tịch", "Lãnh đạo", ProcessControlSlip.ended])
        #expect(slip.handOffs[1].due == at("2026-11-25T09:00:00"))
        // The leader's 2 working hours ran from Thu 09:00; stopping at 10:00 keeps to them.
        #expect(slip.handOffs.map(\.timeliness) == [nil, .late, .onTime])
        #expect(slip.handOffs[2].note == "Người nộp không đủ điều kiện")
        #expect(slip.heldBy == nil, "processing has ended")
        let stop = try #require(DossierNotice(.stopNotice, record: record))
        #expect(stop.reason == "Người nộp không đủ điều kiện" && stop.issuedBy == "Cán Bộ")
        #expect(DossierNotice(.refusal, record: record) == nil)
    }

    @Test func aSecondSupplementRequestIsTheSecondNotice() throws {
        let record = try record([
            (.accept, "2026-11-23T08:00:00", [.deskOfficer], nil),
            (.requestSupplement, "2026-11-23T09:00:00", [.deskOfficer], "Thiếu tờ khai"),
            (.supplied, "2026-11-24T09:00:00", [.deskOfficer], nil),
            (.requestSupplement, "2026-11-24T10:00:00", [.deskOfficer], "Tờ khai chưa ký"),
        ])
        let notice = try #require(DossierNotice(.supplementRequest, record: record))
        #expect(notice.ordinal == 2 && notice.reason == "Tờ khai chưa ký")
        #expect(record.dossier.state.lateBySecondSupplement)
        let slip = ProcessControlSlip(record)
        #expect(slip.handOffs.isEmpty)
        #expect(slip.heldBy == "Bộ phận Một cửa – UBND phường Ba Đình", "still at the desk, waiting for the applicant")
    }
}

import Foundation
import Testing
@testable import MotCuaCore

/// Interlinked procedures (liên thông, Decree 63/2024): one dossier, several agencies, several results. Each part
/// keeps its own clock; the whole is on time only if every hand-off is, and each result is recorded by number.
@Suite struct InterlinkedRulesTests {
    let fixture = WorkflowFixture()
    func at(_ text: String) -> Date { WorkflowFixture.at(text) }

    /// Sign the birth certificate (4 working hours), then the police's part (2 working days).
    static let chain = ProcessEngineTests.process(
        [ProcessNode(id: "ky", name: "Ký Giấy khai sinh",
                     kind: .step(unit: "Lãnh đạo", role: .agencyLeader, budget: .workingHours(4)), issuedResult: "Giấy khai sinh"),
         ProcessNode(id: "cu-tru", name: "Đăng ký thường trú",
                     kind: .handOff(agencyKind: "cong-an-xa", procedureCode: "1.004194", budget: .workingDays(2)),
                     issuedResult: "Thông báo kết quả đăng ký thường trú")],
        [ProcessEngineTests.flow("start", "ky"), ProcessEngineTests.flow("ky", "cu-tru"), ProcessEngineTests.flow("cu-tru", "end")])

    var engine: ProcessEngine {
        fixture.engine(Self.chain, partners: ["cong-an-xa": .init(agencyCode: "001.30.01.H26", name: "Công an phường Ba Đình")])
    }

    /// Received Mon 23/11 08:00 with 3 working days (appointment Wed 25/11 17:00); the signature is done at 09:00,
    /// so the police's part is due Wed 25/11 09:00.
    @Test(arguments: [
        ("2026-11-24T10:00:00", "2026-11-24T15:00:00", Timeliness.early),
        ("2026-11-25T08:30:00", "2026-11-25T10:00:00", .onTime),
        ("2026-11-25T10:00:00", "2026-11-25T11:00:00", .late),
        ("2026-11-24T10:00:00", "2026-11-26T09:00:00", .late),
    ])
    func theWholeIsOnTimeOnlyIfEveryHandOffIs(handOffDone: String, dossierEnded: String, whole: Timeliness) throws {
        var state = fixture.received()
        var work = try engine.start(at: at("2026-11-23T08:00:00"), decision: nil)
        work = try engine.complete(1, in: work, by: "lanhdao", at: at("2026-11-23T09:00:00"), decision: nil, result: "125/2026")
        #expect(work.item(2)?.clock.due == at("2026-11-25T09:00:00"))
        work = try engine.complete(2, in: work, by: "congan", at: at(handOffDone), decision: nil, result: "TB-45")
        state.work = work
        state.endedAt = at(dossierEnded)
        #expect(state.timeliness == whole)
        #expect(state.lateByHandOff == (work.item(2)?.timeliness == .late))
    }

    @Test func aStepOfTheDecidingAgencyLateInsideItsBudgetDoesNotMakeTheWholeLate() throws {
        var state = fixture.received()
        var work = try engine.start(at: at("2026-11-23T08:00:00"), decision: nil)
        work = try engine.complete(1, in: work, by: "lanhdao", at: at("2026-11-23T15:00:00"), decision: nil, result: "125/2026")
        work = try engine.complete(2, in: work, by: "congan", at: at("2026-11-24T09:00:00"), decision: nil, result: "TB-45")
        state.work = work
        state.endedAt = at("2026-11-24T10:00:00")
        #expect(work.item(1)?.timeliness == .late, "the signature took longer than its 4 hours")
        #expect(state.timeliness == .early, "the appointment decides, as for any dossier; only hand-offs add a rule")
    }

    @Test(arguments: [nil, "", "   "])
    func aNodeThatIssuesAResultNeedsItsNumber(result: String?) throws {
        let work = try engine.start(at: at("2026-11-23T08:00:00"), decision: nil)
        #expect(throws: TransitionError.resultRequired("Giấy khai sinh")) {
            try engine.complete(1, in: work, by: "lanhdao", at: at("2026-11-23T09:00:00"), decision: nil, result: result)
        }
        let done = try engine.complete(1, in: work, by: "lanhdao", at: at("2026-11-23T09:00:00"), decision: nil,
                                       result: "  125/2026 ")
        #expect(done.item(1)?.result == "125/2026")
    }
}

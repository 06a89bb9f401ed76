import Foundation
import Testing
@testable import MotCuaCore

/// The process engine on drawn processes: a choice by the officer's decision with a loop back for rework,
/// parallel consultation that waits for every branch, hand-offs to partner agencies, and step clocks that pause.
@Suite struct ProcessEngineTests {
    let fixture = WorkflowFixture()
    func at(_ text: String) -> Date { WorkflowFixture.at(text) }

    static func step(_ id: String, _ unit: String, _ role: OfficerRole, _ budget: TimeBudget) -> ProcessNode {
        ProcessNode(id: id, name: id, kind: .step(unit: unit, role: role, budget: budget))
    }

    static func flow(_ source: String, _ target: String, decision: String? = nil) -> ProcessFlow {
        ProcessFlow(id: "\(source)-\(target)", source: source, target: target, decision: decision)
    }

    static func process(_ nodes: [ProcessNode], _ flows: [ProcessFlow]) -> ProcessDefinition {
        ProcessDefinition(key: "1.004873", name: "Thử", procedureCode: "1.004873", version: 1,
                          effectiveFrom: CivilDate(year: 2026, month: 1, day: 1)!,
                          nodes: [ProcessNode(id: "start", name: "", kind: .start), ProcessNode(id: "end", name: "", kind: .end)] + nodes,
                          flows: flows)
    }

    /// Examine → choose: approve goes to signature, rework goes back to examination.
    static let reviewLoop = process(
        [step("tham-dinh", "Tư pháp", .specialist, .workingDays(1)), ProcessNode(id: "chon", name: "", kind: .exclusive(defaultFlow: nil)),
         step("ky", "Lãnh đạo", .agencyLeader, .workingHours(2))],
        [flow("start", "tham-dinh"), flow("tham-dinh", "chon"), flow("chon", "ky", decision: "duyet"),
         flow("chon", "tham-dinh", decision: "tra-lai"), flow("ky", "end")])

    @Test func aChoiceFollowsTheDecisionAndReworkOpensTheStepAgainWithAFreshClock() throws {
        let engine = fixture.engine(Self.reviewLoop)
        var work = try engine.start(at: at("2026-11-23T08:00:00"), decision: nil)
        #expect(work.openItems.map(\.nodeId) == ["tham-dinh"])
        #expect(throws: TransitionError.decisionRequired(options: ["duyet", "tra-lai"])) {
            try engine.complete(1, in: work, by: "cv", at: at("2026-11-23T10:00:00"), decision: nil)
        }
        #expect(throws: TransitionError.decisionUnknown("ky-luon", options: ["duyet", "tra-lai"])) {
            try engine.complete(1, in: work, by: "cv", at: at("2026-11-23T10:00:00"), decision: "ky-luon")
        }
        work = try engine.complete(1, in: work, by: "ld", at: at("2026-11-23T10:00:00"), decision: "tra-lai")
        let rework = try #require(work.openItems.first)
        #expect(rework.nodeId == "tham-dinh" && rework.id == 2 && rework.openedAfter == 1)
        #expect(rework.clock.due == at("2026-11-24T10:00:00"), "one working day from the return")
        work = try engine.complete(2, in: work, by: "cv", at: at("2026-11-24T09:00:00"), decision: "duyet")
        #expect(work.openItems.map(\.nodeId) == ["ky"])
        #expect(work.item(1)?.decision == "tra-lai" && work.item(2)?.timeliness == .onTime)
        work = try engine.complete(3, in: work, by: "ld", at: at("2026-11-24T10:00:00"), decision: nil)
        #expect(work.isFinished)
    }

    @Test func parallelConsultationWaitsForEveryBranch() throws {
        let process = Self.process(
            [ProcessNode(id: "tach", name: "", kind: .parallel), Self.step("xin-y-kien-a", "Phòng A", .specialist, .workingDays(1)),
             Self.step("xin-y-kien-b", "Phòng B", .unitLeader, .workingDays(2)), ProcessNode(id: "gop", name: "", kind: .parallel),
             Self.step("ky", "Lãnh đạo", .agencyLeader, .workingHours(2))],
            [Self.flow("start", "tach"), Self.flow("tach", "xin-y-kien-a"), Self.flow("tach", "xin-y-kien-b"), Self.flow("xin-y-kien-a", "gop"),
             Self.flow("xin-y-kien-b", "gop"), Self.flow("gop", "ky"), Self.flow("ky", "end")])
        let engine = fixture.engine(process)
        var work = try engine.start(at: at("2026-11-23T08:00:00"), decision: nil)
        #expect(work.openItems.map(\.unit) == ["Phòng A", "Phòng B"])
        #expect(work.earliestDue == at("2026-11-23T17:00:00"), "the nearest of the two step deadlines")
        work = try engine.complete(2, in: work, by: "b", at: at("2026-11-24T09:00:00"), decision: nil)
        #expect(work.openItems.map(\.unit) == ["Phòng A"], "the join waits for branch A")
        #expect(work.arrivals["gop"] == ["xin-y-kien-b-gop"])
        work = try engine.complete(1, in: work, by: "a", at: at("2026-11-24T10:00:00"), decision: nil)
        let signature = try #require(work.openItems.first)
        #expect(signature.nodeId == "ky" && signature.openedAfter == 1 && work.arrivals.isEmpty)
        #expect(work.item(1)?.timeliness == .late && work.item(2)?.timeliness == .onTime)
    }

    @Test func aHandOffGoesToThePartnerAgencyOfItsKind() throws {
        let process = Self.process(
            [ProcessNode(id: "cu-tru", name: "Đăng ký thường trú",
                         kind: .handOff(agencyKind: "cong-an-xa", procedureCode: "1.004194", budget: .workingDays(2)))],
            [Self.flow("start", "cu-tru"), Self.flow("cu-tru", "end")])
        #expect(throws: TransitionError.partnerMissing("cong-an-xa")) {
            try fixture.engine(process).start(at: at("2026-11-23T08:00:00"), decision: nil)
        }
        let police = ProcessBinding.Partner(agencyCode: "001.30.01.H26", name: "Công an phường Ba Đình")
        let work = try fixture.engine(process, partners: ["cong-an-xa": police]).start(at: at("2026-11-23T08:00:00"), decision: nil)
        let item = try #require(work.openItems.first)
        #expect(item.agencyCode == "001.30.01.H26" && item.unit == "Công an phường Ba Đình" && item.isHandOff)
        #expect(item.clock.due == at("2026-11-24T17:00:00"))
    }

    @Test func stepClocksPauseWithTheDossierAndKeepTheirTimeLeft() throws {
        var work = try fixture.engine().start(at: at("2026-11-23T08:00:00"), decision: nil)
        #expect(work.openItems.first?.clock.due == at("2026-11-24T17:00:00"))
        work.pause(at: at("2026-11-24T08:00:00"), calendar: fixture.workflow.calendar)
        #expect(work.earliestDue == nil && work.openItems.first?.warnAt == nil)
        work.resume(at: at("2026-11-26T08:00:00"), calendar: fixture.workflow.calendar)
        #expect(work.openItems.first?.clock.due == at("2026-11-26T17:00:00"), "one working day was left")
    }

    /// The warning comes when a quarter of the step's working time is left (office hours 08:00–12:00 and
    /// 13:30–17:00, 7.5 hours a day); the escalation once it has passed.
    @Test(arguments: [
        (TimeBudget.workingDays(2), "2026-11-23T08:00:00", "2026-11-24T11:45:00"),
        (.workingHours(4), "2026-11-23T08:00:00", "2026-11-23T11:00:00"),
        (.workingHours(2), "2026-11-23T16:00:00", "2026-11-24T08:30:00"),
    ])
    func theWarningComesWithAQuarterLeft(budget: TimeBudget, opened: String, warning: String) throws {
        let calendar = fixture.workflow.calendar
        let due = calendar.due(from: at(opened), budget: budget)
        #expect(StepAlarm.warnAt(clockFrom: at(opened), due: due, calendar: calendar) == at(warning))
    }

    @Test func eachAlarmIsGivenOnceAndALateStepIsNotWarned() throws {
        var item = try #require(try fixture.engine().start(at: at("2026-11-23T08:00:00"), decision: nil).openItems.first)
        #expect(StepAlarm.due(for: item, at: at("2026-11-24T08:00:00")) == nil)
        #expect(StepAlarm.due(for: item, at: at("2026-11-24T13:00:00")) == .warning)
        item.warnedAt = at("2026-11-24T13:00:00")
        #expect(StepAlarm.due(for: item, at: at("2026-11-24T16:00:00")) == nil)
        #expect(StepAlarm.due(for: item, at: at("2026-11-24T17:00:01")) == .escalation)
        item.escalatedAt = at("2026-11-24T17:00:01")
        #expect(StepAlarm.due(for: item, at: at("2026-11-30T08:00:00")) == nil)
        var neverWarned = try #require(try fixture.engine().start(at: at("2026-11-23T08:00:00"), decision: nil).openItems.first)
        #expect(StepAlarm.due(for: neverWarned, at: at("2026-11-25T08:00:00")) == .escalation)
        neverWarned.escalatedAt = at("2026-11-25T08:00:00")
        #expect(StepAlarm.due(for: neverWarned, at: at("2026-11-25T09:00:00")) == nil, "no warning after the escalation")
    }
}

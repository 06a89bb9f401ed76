import Foundation
import Testing
@testable import MotCuaCore

/// The rules a process must meet before it runs, case by case.
@Suite struct ProcessRulesTests {
    static func step(_ id: String, _ budget: TimeBudget, role: OfficerRole = .specialist) -> ProcessNode {
        ProcessNode(id: id, name: id, kind: .step(unit: "Phòng \(id)", role: role, budget: budget))
    }

    static func flow(_ source: String, _ target: String, decision: String? = nil) -> ProcessFlow {
        ProcessFlow(id: "\(source)-\(target)", source: source, target: target, decision: decision)
    }

    static func process(_ nodes: [ProcessNode], _ flows: [ProcessFlow]) -> ProcessDefinition {
        ProcessDefinition(key: "1.004873", name: "Xác nhận TTHN", procedureCode: "1.004873", version: 1,
                          effectiveFrom: CivilDate(year: 2026, month: 1, day: 1)!, nodes: nodes, flows: flows)
    }

    static let start = ProcessNode(id: "start", name: "Bắt đầu", kind: .start)
    static let end = ProcessNode(id: "end", name: "Kết thúc", kind: .end)
    static func choice(_ id: String, default flow: String? = nil) -> ProcessNode {
        ProcessNode(id: id, name: id, kind: .exclusive(defaultFlow: flow))
    }
    static func parallel(_ id: String) -> ProcessNode { ProcessNode(id: id, name: id, kind: .parallel) }

    /// Receive, check, choose (approve or back for supplement), sign, return: the peer benchmark's shape.
    static let oneStop = process(
        [start, step("tiep_nhan", .workingHours(4), role: .deskOfficer), step("tham_dinh", .workingDays(1)),
         choice("gw", default: "gw-ky"), step("ky", .workingHours(2), role: .agencyLeader), end],
        [flow("start", "tiep_nhan"), flow("tiep_nhan", "tham_dinh"), flow("tham_dinh", "gw"),
         ProcessFlow(id: "gw-ky", source: "gw", target: "ky", decision: "approve"),
         flow("gw", "tiep_nhan", decision: "supplement"), flow("ky", "end")])

    @Test func aSoundProcessWithALoopBackPasses() {
        #expect(ProcessRules.problems(in: Self.oneStop, legalDeadline: .workingDays(3)) == [])
        // 4 h + 7.5 h + 2 h: the loop back is counted once.
        #expect(ProcessRules.criticalPathSeconds(Self.oneStop) == 4 * 3600 + 27_000 + 2 * 3600)
    }

    @Test func parallelBranchesCountAtTheirLongest() {
        let consult = Self.process(
            [Self.start, Self.parallel("split"), Self.step("tu_phap", .workingDays(2)), Self.step("cong_an", .workingDays(3)),
             Self.parallel("join"), Self.step("ky", .workingHours(2), role: .agencyLeader), Self.end],
            [Self.flow("start", "split"), Self.flow("split", "tu_phap"), Self.flow("split", "cong_an"),
             Self.flow("tu_phap", "join"), Self.flow("cong_an", "join"), Self.flow("join", "ky"), Self.flow("ky", "end")])
        #expect(ProcessRules.criticalPathSeconds(consult) == 3 * 27_000 + 2 * 3600)
        #expect(ProcessRules.problems(in: consult, legalDeadline: .workingDays(4)) == [])
        let tooLong = ProcessRules.problems(in: consult, legalDeadline: .workingDays(3))
        #expect(tooLong.map(\.field) == ["nodes"])
        #expect(tooLong.first?.message.contains("vượt thời hạn giải quyết 3 ngày làm việc") == true)
    }

    /// Broken processes and the element each problem must name.
    @Test(arguments: [
        ("a gateway with no way out", process([start, step("a", .workingDays(1)), choice("gw"), end],
                                              [flow("start", "a"), flow("a", "gw")]), "nodes.gw"),
        ("an unreachable step", process([start, step("a", .workingDays(1)), step("lost", .workingDays(1)), end],
                                        [flow("start", "a"), flow("a", "end"), flow("lost", "end")]), "nodes.lost"),
        ("a loop that never reaches the end", process(
            [start, step("a", .workingDays(1)), choice("gw", default: "gw-a"), step("b", .workingDays(1)), end],
            [flow("start", "end"), ProcessFlow(id: "gw-a", source: "gw", target: "a"), flow("a", "b"), flow("b", "gw")]),
         "nodes.a"),
        ("a loop left only through a parallel split", process(
            [start, step("a", .workingDays(1)), parallel("p"), end],
            [flow("start", "a"), flow("a", "p"), flow("p", "a"), flow("p", "end")]), "nodes.a"),
        ("a choice without a decision", process(
            [start, step("a", .workingDays(1)), choice("gw"), step("b", .workingDays(1)), end],
            [flow("start", "a"), flow("a", "gw"), flow("gw", "b", decision: "approve"), flow("gw", "end"), flow("b", "end")]),
         "flows.gw-end"),
        ("two starts", process([start, ProcessNode(id: "start2", name: "", kind: .start), end],
                               [flow("start", "end"), flow("start2", "end")]), "nodes"),
        ("a flow to nowhere", process([start, end], [flow("start", "ghost")]), "flows.start-ghost"),
        ("a step that splits by itself", process([start, step("a", .workingDays(1)), end],
                                                 [flow("start", "a"), flow("a", "end"), ProcessFlow(id: "x", source: "a", target: "end")]),
         "nodes.a"),
        ("a negative budget", process([start, step("a", .workingDays(-1)), end], [flow("start", "a"), flow("a", "end")]), "nodes.a"),
        ("the same id twice", process([start, step("start", .workingDays(1)), end], [flow("start", "end")]), "nodes.start"),
    ])
    func aBrokenProcessIsRefusedNamingTheElement(label: String, process: ProcessDefinition, field: String) {
        let problems = ProcessRules.problems(in: process, legalDeadline: .workingDays(10))
        #expect(problems.map(\.field).contains(field), "\(label): \(problems)")
        #expect(problems.allSatisfy { !$0.message.isEmpty })
    }
}

import Foundation

/// Kiểm tra quy trình — what an internal process must satisfy before it can run: one start, reachable steps,
/// no dead ends, decisions on every choice, loops that can be left, and step budgets whose critical path fits
/// the procedure's legal deadline. Each problem names the element (`nodes.<id>` or `flows.<id>`).
public enum ProcessRules {
    /// Every problem found, in a stable order; empty when the process is sound.
    public static func problems(in process: ProcessDefinition, legalDeadline: TimeBudget,
                                hours: WorkingHours = .standard) -> [FieldProblem] {
        let structural = structureProblems(process)
        guard structural.isEmpty else { return structural }
        var problems = graphProblems(process)
        if problems.isEmpty, let problem = deadlineProblem(stepSeconds: criticalPathSeconds(process, hours: hours),
                                                           legalDeadline: legalDeadline, hours: hours, field: "nodes") {
            problems.append(problem)
        }
        return problems
    }

    /// The rule every internal process obeys, whether a plain list of steps or a graph: the step budgets along
    /// the longest way through (`stepSeconds`) fit the procedure's legal deadline. Same-day procedures have no
    /// step budgets to add up.
    public static func deadlineProblem(stepSeconds: Int, legalDeadline: TimeBudget, hours: WorkingHours,
                                       field: String) -> FieldProblem? {
        guard legalDeadline != .sameDay, stepSeconds > legalDeadline.workingSeconds(per: hours) else { return nil }
        return FieldProblem(field: field, message: "Tổng thời hạn các bước trên đường dài nhất là "
            + "\(hoursText(stepSeconds, hours)), vượt thời hạn giải quyết \(legalDeadline).")
    }

    /// Ids, references, events and gateways: what must hold before the graph can be walked.
    static func structureProblems(_ process: ProcessDefinition) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        var seen: Set<String> = []
        for id in process.nodes.map(\.id) + process.flows.map(\.id) where !seen.insert(id).inserted || id.isEmpty {
            problems.append(FieldProblem(field: "nodes.\(id)", message: "Mã phần tử \"\(id)\" trống hoặc bị trùng."))
        }
        let starts = process.nodes.filter { $0.kind == .start }
        if starts.count != 1 {
            problems.append(FieldProblem(field: "nodes", message: "Quy trình cần đúng một sự kiện bắt đầu (có \(starts.count))."))
        }
        if !process.nodes.contains(where: { $0.kind == .end }) {
            problems.append(FieldProblem(field: "nodes", message: "Quy trình cần ít nhất một sự kiện kết thúc."))
        }
        let ids = Set(process.nodes.map(\.id))
        for flow in process.flows where !ids.contains(flow.source) || !ids.contains(flow.target) {
            problems.append(FieldProblem(field: "flows.\(flow.id)", message: "Luồng \"\(flow.id)\" nối tới phần tử không có."))
        }
        for node in process.nodes {
            if let problem = nodeProblem(node, outgoing: process.outgoing(node.id), incoming: process.incoming(node.id)) {
                problems.append(problem)
            }
        }
        return problems
    }

    static func nodeProblem(_ node: ProcessNode, outgoing: [ProcessFlow], incoming: [ProcessFlow]) -> FieldProblem? {
        let field = "nodes.\(node.id)"
        let label = node.name.isEmpty ? node.id : node.name
        if let budget = node.budget, !budget.isValid {
            return FieldProblem(field: field, message: "Thời hạn của \"\(label)\" không hợp lệ.")
        }
        switch node.kind {
        case .start where !incoming.isEmpty:
            return FieldProblem(field: field, message: "Sự kiện bắt đầu không được có luồng vào.")
        case .end where !outgoing.isEmpty:
            return FieldProblem(field: field, message: "Sự kiện kết thúc không được có luồng ra.")
        case .end:
            return nil
        case .step, .handOff, .start:
            guard outgoing.count == 1 else {
                return FieldProblem(field: field, message: "\"\(label)\" cần đúng một luồng ra (có \(outgoing.count)); "
                    + "dùng cổng rẽ nhánh để chọn hoặc cổng song song để chia.")
            }
            return nil
        case .parallel:
            return outgoing.isEmpty ? FieldProblem(field: field, message: "Cổng song song \"\(label)\" không có luồng ra.") : nil
        case .exclusive(let defaultFlow):
            if outgoing.isEmpty { return FieldProblem(field: field, message: "Cổng rẽ nhánh \"\(label)\" không có luồng ra.") }
            if let defaultFlow, !outgoing.contains(where: { $0.id == defaultFlow }) {
                return FieldProblem(field: field, message: "Luồng mặc định \"\(defaultFlow)\" không xuất phát từ cổng \"\(label)\".")
            }
            let decided = outgoing.filter { $0.id != defaultFlow }
            if outgoing.count > 1, let flow = decided.first(where: { ($0.decision ?? "").isEmpty }) {
                return FieldProblem(field: "flows.\(flow.id)", message: "Luồng \"\(flow.id)\" ra từ cổng rẽ nhánh cần một quyết định "
                    + "(điều kiện decision == '…') hoặc là luồng mặc định.")
            }
            let decisions = decided.compactMap(\.decision)
            if Set(decisions).count != decisions.count {
                return FieldProblem(field: field, message: "Hai luồng ra từ cổng \"\(label)\" có cùng quyết định.")
            }
            return nil
        }
    }

    /// Reachability, dead ends and loops that can never be left.
    static func graphProblems(_ process: ProcessDefinition) -> [FieldProblem] {
        guard let start = process.start else { return [] }
        let graph = ProcessGraph(process)
        var problems: [FieldProblem] = []
        let reachable = graph.reachable(from: [start.id], forward: true)
        let ends = process.nodes.filter { $0.kind == .end }.map(\.id)
        let finishing = graph.reachable(from: ends, forward: false)
        for node in process.nodes where !reachable.contains(node.id) {
            problems.append(FieldProblem(field: "nodes.\(node.id)", message: "Không thể đi tới \"\(node.name)\" từ sự kiện bắt đầu."))
        }
        for node in process.nodes where reachable.contains(node.id) && !finishing.contains(node.id) {
            problems.append(FieldProblem(field: "nodes.\(node.id)", message: "Từ \"\(node.name)\" không thể đi tới sự kiện kết thúc."))
        }
        guard problems.isEmpty else { return problems }
        for component in graph.cycles() {
            let exits = component.contains { id in
                guard case .exclusive = process.node(id)?.kind else { return false }
                return process.outgoing(id).contains { !component.contains($0.target) }
            }
            if !exits {
                let names = component.compactMap { process.node($0)?.name }.sorted().joined(separator: ", ")
                problems.append(FieldProblem(field: "nodes.\(component.sorted()[0])",
                                             message: "Vòng lặp qua \(names) không có cổng rẽ nhánh nào dẫn ra ngoài."))
            }
        }
        return problems
    }

    /// Đường găng — the longest working time from start to an end: each loop counted once, parallel branches and
    /// choices at their longest. Same-day budgets count as nothing.
    public static func criticalPathSeconds(_ process: ProcessDefinition, hours: WorkingHours = .standard) -> Int {
        guard let start = process.start else { return 0 }
        let graph = ProcessGraph(process).withoutBackEdges(from: start.id)
        var longest: [String: Int] = [:]
        func walk(_ id: String) -> Int {
            if let known = longest[id] { return known }
            let own = process.node(id)?.budget?.workingSeconds(per: hours) ?? 0
            let value = own + (graph.successors[id, default: []].map(walk).max() ?? 0)
            longest[id] = value
            return value
        }
        return walk(start.id)
    }

    /// A working time as an officer reads it: `2 ngày làm việc`, `14.5 giờ làm việc`.
    public static func hoursText(_ seconds: Int, _ hours: WorkingHours) -> String {
        let perDay = hours.secondsPerDay
        if seconds % perDay == 0 { return "\(seconds / perDay) ngày làm việc" }
        let whole = seconds % 3600 == 0
        return (whole ? String(seconds / 3600) : String(format: "%.1f", Double(seconds) / 3600)) + " giờ làm việc"
    }
}

/// Quy trình tuần tự — the internal process a catalog entry lists as plain steps, as a process definition: start,
/// each step in turn, end. A procedure without a drawn process runs on this one.
extension ProcessDefinition {
    public static func sequential(_ procedure: Procedure, effectiveFrom: CivilDate) -> ProcessDefinition {
        let stepIds = procedure.steps.indices.map { "buoc-\($0 + 1)" }
        let ids = ["bat-dau"] + stepIds + ["ket-thuc"]
        var nodes = [ProcessNode(id: "bat-dau", name: "Tiếp nhận", kind: .start)]
        for (id, step) in zip(stepIds, procedure.steps) {
            nodes.append(ProcessNode(id: id, name: step.name, kind: .step(unit: step.unit, role: step.role, budget: step.budget)))
        }
        nodes.append(ProcessNode(id: "ket-thuc", name: "Trả kết quả", kind: .end))
        let flows = zip(ids, ids.dropFirst()).enumerated().map { index, pair in
            ProcessFlow(id: "luong-\(index + 1)", source: pair.0, target: pair.1)
        }
        return ProcessDefinition(key: procedure.code, name: procedure.name, procedureCode: procedure.code, version: 1,
                                 effectiveFrom: effectiveFrom, nodes: nodes, flows: flows)
    }
}

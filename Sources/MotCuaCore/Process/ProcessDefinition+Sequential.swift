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

extension ProcessDefinition {
    /// The effective date of a procedure's first version: in force for every dossier.
    public static let beginning = CivilDate(year: 2000, month: 1, day: 1)!

    /// The version to keep when the catalog is saved, if any: the catalog's list of steps as the first version of
    /// a procedure, in force from the beginning; later, a new version from `today` when the list has changed —
    /// unless the latest version was drawn by the control office (`latestFromCatalog` false), which the catalog
    /// never overrides.
    public static func catalogVersion(of procedure: Procedure, latest: ProcessDefinition?, latestFromCatalog: Bool,
                                      today: CivilDate) -> ProcessDefinition? {
        guard let latest else { return .sequential(procedure, effectiveFrom: beginning) }
        guard latestFromCatalog else { return nil }
        let listed = ProcessDefinition.sequential(procedure, effectiveFrom: today)
        return listed.nodes == latest.nodes ? nil : listed
    }
}

/// Ghi BPMN — writes a process definition as BPMN 2.0 for the subset in `BPMN`, so the procedure-control office
/// can open it in a modeler, edit it and import it again: steps carry `<motcua:step>` and a timer for their
/// budget, each unit has a lane (hand-offs share one), decisions become `decision == '…'` conditions, and a
/// diagram section (`BPMNLayout`) lets the modeler draw it.
public enum BPMNWriter {
    public static func write(_ process: ProcessDefinition) -> String {
        let layout = BPMNLayout(process)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<bpmn:definitions xmlns:bpmn="\#(BPMN.modelNamespace)" xmlns:xsi="\#(BPMN.schemaInstanceNamespace)""#
                + #" xmlns:bpmndi="\#(diagramNamespace)" xmlns:dc="\#(boundsNamespace)" xmlns:di="\#(waypointNamespace)""#
                + #" xmlns:motcua="\#(BPMN.motcuaNamespace)" id="definitions" targetNamespace="\#(BPMN.motcuaNamespace)">"#,
            "  <bpmn:collaboration id=\"collaboration\">",
            #"    <bpmn:participant id="participant" name="\#(escape(process.name))" processRef="\#(ncName(process.key))" />"#,
            "  </bpmn:collaboration>",
            #"  <bpmn:process id="\#(ncName(process.key))" name="\#(escape(process.name))" isExecutable="true">"#,
        ]
        lines += laneSet(layout)
        for node in process.nodes { lines += element(node) }
        for flow in process.flows { lines += element(flow) }
        lines.append("  </bpmn:process>")
        lines += diagram(process, layout)
        lines.append("</bpmn:definitions>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func element(_ node: ProcessNode) -> [String] {
        let head = #"id="\#(escape(node.id))" name="\#(escape(node.name))""#
        let issued = node.issuedResult.map { #" result="\#(escape($0))""# } ?? ""
        switch node.kind {
        case .start: return ["    <bpmn:startEvent \(head) />"]
        case .end: return ["    <bpmn:endEvent \(head) />"]
        case .parallel: return ["    <bpmn:parallelGateway \(head) />"]
        case .exclusive(let defaultFlow):
            return ["    <bpmn:exclusiveGateway \(head)\(defaultFlow.map { #" default="\#(escape($0))""# } ?? "") />"]
        case .step(let unit, let role, let budget):
            return ["    <bpmn:userTask \(head)>", "      <bpmn:extensionElements>",
                    #"        <motcua:step unit="\#(escape(unit))" role="\#(role.rawValue)" budget="\#(budget.token)"\#(issued) />"#,
                    "      </bpmn:extensionElements>", "    </bpmn:userTask>"] + timer(node.id, budget)
        case .handOff(let kind, let procedure, let budget):
            let procedureAttribute = procedure.map { #" procedure="\#(escape($0))""# } ?? ""
            return ["    <bpmn:callActivity \(head) calledElement=\"\(escape(kind))\">", "      <bpmn:extensionElements>",
                    #"        <motcua:handOff agencyKind="\#(escape(kind))"\#(procedureAttribute) budget="\#(budget.token)"\#(issued) />"#,
                    "      </bpmn:extensionElements>", "    </bpmn:callActivity>"] + timer(node.id, budget)
        }
    }

    /// A non-interrupting timer showing the budget in the modeler.
    static func timer(_ id: String, _ budget: TimeBudget) -> [String] {
        [#"    <bpmn:boundaryEvent id="\#(escape(id))_han" name="Thời hạn" attachedToRef="\#(escape(id))" cancelActivity="false">"#,
         "      <bpmn:timerEventDefinition><bpmn:timeDuration>\(BPMN.duration(budget))</bpmn:timeDuration></bpmn:timerEventDefinition>",
         "    </bpmn:boundaryEvent>"]
    }

    static func element(_ flow: ProcessFlow) -> [String] {
        var head = #"id="\#(escape(flow.id))" sourceRef="\#(escape(flow.source))" targetRef="\#(escape(flow.target))""#
        if let name = flow.name { head += #" name="\#(escape(name))""# }
        guard let decision = flow.decision else { return ["    <bpmn:sequenceFlow \(head) />"] }
        return ["    <bpmn:sequenceFlow \(head)>",
                #"      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">decision == '\#(escape(decision))'</bpmn:conditionExpression>"#,
                "    </bpmn:sequenceFlow>"]
    }

    /// One lane per unit (and one for hand-offs), in the order they first appear, each listing its nodes.
    static func laneSet(_ layout: BPMNLayout) -> [String] {
        guard !layout.lanes.isEmpty else { return [] }
        var lines = [#"    <bpmn:laneSet id="lanes">"#]
        for (index, lane) in layout.lanes.enumerated() {
            lines.append(#"      <bpmn:lane id="lane_\#(index + 1)" name="\#(escape(lane.name))">"#)
            lines += lane.nodeIds.map { "        <bpmn:flowNodeRef>\(escape($0))</bpmn:flowNodeRef>" }
            lines.append("      </bpmn:lane>")
        }
        lines.append("    </bpmn:laneSet>")
        return lines
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }

    /// An XML name from a key such as `1.004873`: `p_1_004873`.
    static func ncName(_ key: String) -> String {
        "p_" + String(key.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }
}

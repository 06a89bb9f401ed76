/// Sơ đồ BPMN — the diagram section (BPMN DI) of an exported process: the pool, its lanes, a shape for every node
/// and timer, and the bends of every flow, as `BPMNLayout` placed them.
extension BPMNWriter {
    static let diagramNamespace = "http://www.omg.org/spec/BPMN/20100524/DI"
    static let boundsNamespace = "http://www.omg.org/spec/DD/20100524/DC"
    static let waypointNamespace = "http://www.omg.org/spec/DD/20100524/DI"

    static func diagram(_ process: ProcessDefinition, _ layout: BPMNLayout) -> [String] {
        var lines = [#"  <bpmndi:BPMNDiagram id="diagram">"#, #"    <bpmndi:BPMNPlane id="plane" bpmnElement="collaboration">"#]
        lines += shape("participant", layout.pool, horizontal: true)
        for (index, lane) in layout.lanes.enumerated() { lines += shape("lane_\(index + 1)", lane.box, horizontal: true) }
        for node in process.nodes {
            guard let box = layout.shapes[node.id] else { continue }
            lines += shape(node.id, box)
            if node.budget != nil, node.kind != .start {
                lines += shape("\(node.id)_han", .init(x: box.x + box.width - 26, y: box.y + box.height - 18, width: 36, height: 36))
            }
        }
        for flow in process.flows {
            guard let points = layout.edges[flow.id] else { continue }
            lines.append(#"      <bpmndi:BPMNEdge id="\#(escape(flow.id))_di" bpmnElement="\#(escape(flow.id))">"#)
            lines += points.map { #"        <di:waypoint x="\#($0.x)" y="\#($0.y)" />"# }
            lines.append("      </bpmndi:BPMNEdge>")
        }
        return lines + ["    </bpmndi:BPMNPlane>", "  </bpmndi:BPMNDiagram>"]
    }

    static func shape(_ id: String, _ box: BPMNLayout.Box, horizontal: Bool = false) -> [String] {
        let orientation = horizontal ? #" isHorizontal="true""# : ""
        return [#"      <bpmndi:BPMNShape id="\#(escape(id))_di" bpmnElement="\#(escape(id))"\#(orientation)>"#,
                #"        <dc:Bounds x="\#(box.x)" y="\#(box.y)" width="\#(box.width)" height="\#(box.height)" />"#,
                "      </bpmndi:BPMNShape>"]
    }
}

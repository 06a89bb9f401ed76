import Foundation

/// Đọc BPMN — turns a BPMN 2.0 file drawn in any modeler (bpmn.io, Camunda Modeler) into a process definition,
/// for the subset in `BPMN`; anything outside it is refused with a problem naming the element. The result is
/// not yet checked by `ProcessRules` (the caller knows the legal deadline). The process's key, procedure and
/// version come from the caller, not from the file's ids.
public enum BPMNReader {
    public static func read(_ data: Data, key: String, procedureCode: String, version: Int, effectiveFrom: CivilDate) throws(FieldProblem) -> ProcessDefinition {
        let root = try XMLTree.parse(data)
        guard root.namespace == BPMN.modelNamespace, root.name == "definitions" else {
            throw FieldProblem(field: "bpmn", message: "Tệp không phải BPMN 2.0 (phần tử gốc phải là bpmn:definitions).")
        }
        let processes = root.children(BPMN.modelNamespace, "process")
        guard let process = processes.first(where: { $0.attribute("isExecutable") != "false" }) ?? processes.first else {
            throw FieldProblem(field: "bpmn", message: "Tệp BPMN không có quy trình (bpmn:process) nào.")
        }
        let elements = process.children.filter { $0.namespace == BPMN.modelNamespace }
        let lanes = laneUnits(process)
        let boundaries = try timerBudgets(elements)
        var nodes: [ProcessNode] = []
        var flows: [ProcessFlow] = []
        for element in elements {
            let id = element.attribute("id") ?? ""
            let name = element.attribute("name")?.trimmed ?? ""
            switch element.name {
            case "startEvent", "endEvent":
                if let definition = element.children.first(where: { $0.name.hasSuffix("EventDefinition") }) {
                    throw unsupported("\(element.name) với \(definition.name)", id: id)
                }
                nodes.append(ProcessNode(id: id, name: name, kind: element.name == "startEvent" ? .start : .end))
            case "userTask", "task":
                let details = extensionDetails(element, "step")
                guard let role = details["role"].flatMap(OfficerRole.init(rawValue:)) else {
                    throw FieldProblem(field: "nodes.\(id)", message: "Bước \"\(name)\" cần vai trò: <motcua:step role=\"…\"/> với "
                        + "một trong \(OfficerRole.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                let unit = details["unit"] ?? lanes[id] ?? ""
                guard !unit.isEmpty else {
                    throw FieldProblem(field: "nodes.\(id)", message: "Bước \"\(name)\" cần đơn vị thực hiện: đặt trong một lane, hoặc <motcua:step unit=\"…\"/>.")
                }
                nodes.append(ProcessNode(id: id, name: name, kind: .step(unit: unit, role: role,
                                                                         budget: try budget(of: element, details, boundaries)),
                                         issuedResult: issuedResult(details)))
            case "callActivity":
                let details = extensionDetails(element, "handOff")
                guard let kind = details["agencyKind"] ?? element.attribute("calledElement"), !kind.isEmpty else {
                    throw FieldProblem(field: "nodes.\(id)", message: "Liên thông \"\(name)\" cần loại cơ quan nhận: <motcua:handOff agencyKind=\"…\"/>.")
                }
                nodes.append(ProcessNode(id: id, name: name, kind: .handOff(agencyKind: kind, procedureCode: details["procedure"],
                                                                            budget: try budget(of: element, details, boundaries)),
                                         issuedResult: issuedResult(details)))
            case "exclusiveGateway":
                nodes.append(ProcessNode(id: id, name: name, kind: .exclusive(defaultFlow: element.attribute("default"))))
            case "parallelGateway":
                nodes.append(ProcessNode(id: id, name: name, kind: .parallel))
            case "sequenceFlow":
                var decision: String?
                if let condition = element.child(BPMN.modelNamespace, "conditionExpression") {
                    guard let value = BPMN.decision(condition: condition.text) else {
                        throw FieldProblem(field: "flows.\(id)", message: "Điều kiện \"\(condition.text)\" không được hỗ trợ; "
                            + "hãy viết decision == 'tên-quyết-định'.")
                    }
                    decision = value
                }
                flows.append(ProcessFlow(id: id, name: element.attribute("name"), source: element.attribute("sourceRef") ?? "",
                                         target: element.attribute("targetRef") ?? "", decision: decision))
            case "boundaryEvent":
                continue
            default:
                guard BPMN.ignored.contains(element.name) else { throw unsupported(element.name, id: id) }
            }
        }
        let boundaryIds = Set(elements.filter { $0.name == "boundaryEvent" }.compactMap { $0.attribute("id") })
        if let escape = flows.first(where: { boundaryIds.contains($0.source) }) {
            throw FieldProblem(field: "flows.\(escape.id)", message: "Luồng ra từ sự kiện hẹn giờ chưa được hỗ trợ; "
                + "cảnh báo và chuyển cấp khi quá hạn do hệ thống tự làm.")
        }
        return ProcessDefinition(key: key, name: process.attribute("name") ?? "",
                                 procedureCode: procedureCode, version: version, effectiveFrom: effectiveFrom,
                                 nodes: nodes, flows: flows)
    }

    static func unsupported(_ what: String, id: String) -> FieldProblem {
        FieldProblem(field: "nodes.\(id)", message: "Phần tử bpmn:\(what) (id \"\(id)\") nằm ngoài tập BPMN MotCua thực thi.")
    }

    /// `<motcua:NAME …/>` attributes inside the element's extensionElements.
    static func extensionDetails(_ element: XMLTree, _ name: String) -> [String: String] {
        element.child(BPMN.modelNamespace, "extensionElements")?.child(BPMN.motcuaNamespace, name)?.attributes ?? [:]
    }

    /// The document a step or hand-off issues (`result="Giấy khai sinh"`), if it names one.
    static func issuedResult(_ details: [String: String]) -> String? {
        guard let text = details["result"]?.trimmed, !text.isEmpty else { return nil }
        return text
    }

    /// Unit names by node id, from the lanes that hold them.
    static func laneUnits(_ process: XMLTree) -> [String: String] {
        var units: [String: String] = [:]
        for laneSet in process.children(BPMN.modelNamespace, "laneSet") {
            for lane in laneSet.children(BPMN.modelNamespace, "lane") {
                for reference in lane.children(BPMN.modelNamespace, "flowNodeRef") {
                    units[reference.text.trimmed] = lane.attribute("name")
                }
            }
        }
        return units
    }

    /// Budgets from timer boundary events, by the id of the task they are attached to.
    static func timerBudgets(_ elements: [XMLTree]) throws(FieldProblem) -> [String: TimeBudget] {
        var budgets: [String: TimeBudget] = [:]
        for element in elements where element.name == "boundaryEvent" {
            let id = element.attribute("id") ?? ""
            guard let timer = element.child(BPMN.modelNamespace, "timerEventDefinition"),
                  let attached = element.attribute("attachedToRef") else {
                throw unsupported("boundaryEvent không phải hẹn giờ", id: id)
            }
            guard let text = timer.child(BPMN.modelNamespace, "timeDuration")?.text, let budget = BPMN.budget(duration: text) else {
                throw FieldProblem(field: "nodes.\(id)", message: "Hẹn giờ cần timeDuration dạng P2D (ngày làm việc) hoặc PT4H (giờ làm việc).")
            }
            budgets[attached] = budget
        }
        return budgets
    }

    static func budget(of element: XMLTree, _ details: [String: String],
                       _ boundaries: [String: TimeBudget]) throws(FieldProblem) -> TimeBudget {
        let id = element.attribute("id") ?? ""
        if let token = details["budget"] {
            guard let budget = TimeBudget(token: token) else {
                throw FieldProblem(field: "nodes.\(id)", message: "Thời hạn \"\(token)\" phải có dạng 2d, 4h hoặc same-day.")
            }
            return budget
        }
        guard let budget = boundaries[id] else {
            throw FieldProblem(field: "nodes.\(id)", message: "\"\(element.attribute("name") ?? id)\" cần thời hạn: "
                + "budget=\"2d\" trong <motcua:…/> hoặc một sự kiện hẹn giờ gắn vào bước.")
        }
        return budget
    }
}

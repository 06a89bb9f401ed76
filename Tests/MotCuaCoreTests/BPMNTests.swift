import Foundation
import Testing
@testable import MotCuaCore

/// BPMN 2.0 in and out: a file as a modeler draws it imports; ours round-trips; what we do not execute is named.
@Suite struct BPMNTests {
    static let day = CivilDate(year: 2026, month: 1, day: 1)!

    static func read(_ xml: String) throws(FieldProblem) -> ProcessDefinition {
        try BPMNReader.read(Data(xml.utf8), key: "1.004873", procedureCode: "1.004873", version: 1, effectiveFrom: day)
    }

    /// The peer benchmark's process as Camunda Modeler saves it: lanes for units, timers for budgets,
    /// `${…}` conditions, a diagram section, documentation.
    static let modelerFile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:motcua="urn:motcua:bpmn:1"
            id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="mot_cua_noi_bo" name="Quy trình một cửa nội bộ" isExecutable="true">
            <bpmn:documentation>Vẽ bằng Camunda Modeler</bpmn:documentation>
            <bpmn:laneSet id="LaneSet_1">
              <bpmn:lane id="Lane_mc" name="Bộ phận một cửa"><bpmn:flowNodeRef>tiep_nhan</bpmn:flowNodeRef>
                <bpmn:flowNodeRef>tra_ket_qua</bpmn:flowNodeRef></bpmn:lane>
              <bpmn:lane id="Lane_tp" name="Phòng Tư pháp"><bpmn:flowNodeRef>tham_dinh</bpmn:flowNodeRef></bpmn:lane>
            </bpmn:laneSet>
            <bpmn:startEvent id="start" name="Nhận hồ sơ"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="tiep_nhan" name="Tiếp nhận">
              <bpmn:extensionElements><motcua:step role="mot-cua" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:boundaryEvent id="t1" attachedToRef="tiep_nhan" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="tham_dinh" name="Thẩm định">
              <bpmn:extensionElements><motcua:step role="chuyen-vien" budget="1d" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:exclusiveGateway id="gw" name="Kết quả thẩm định?" default="f_dat" />
            <bpmn:userTask id="phe_duyet" name="Phê duyệt">
              <bpmn:extensionElements><motcua:step unit="Lãnh đạo UBND" role="lanh-dao-co-quan" budget="2h" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="tra_ket_qua" name="Trả kết quả">
              <bpmn:extensionElements><motcua:step role="mot-cua" budget="1h" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end" name="Hoàn thành" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tiep_nhan" />
            <bpmn:sequenceFlow id="f2" sourceRef="tiep_nhan" targetRef="tham_dinh" />
            <bpmn:sequenceFlow id="f3" sourceRef="tham_dinh" targetRef="gw" />
            <bpmn:sequenceFlow id="f_dat" name="Đạt" sourceRef="gw" targetRef="phe_duyet" />
            <bpmn:sequenceFlow id="f_bo_sung" name="Yêu cầu bổ sung" sourceRef="gw" targetRef="tiep_nhan">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == "supplement"}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f4" sourceRef="phe_duyet" targetRef="tra_ket_qua" />
            <bpmn:sequenceFlow id="f5" sourceRef="tra_ket_qua" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="mot_cua_noi_bo">
            <bpmndi:BPMNShape id="s" bpmnElement="start"><dc:Bounds x="1" y="1" width="36" height="36" /></bpmndi:BPMNShape>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """

    @Test func aFileFromAModelerImports() throws {
        let process = try Self.read(Self.modelerFile)
        #expect(process.nodes.map(\.id) == ["start", "tiep_nhan", "tham_dinh", "gw", "phe_duyet", "tra_ket_qua", "end"])
        #expect(process.node("tiep_nhan")?.kind == .step(unit: "Bộ phận một cửa", role: .deskOfficer, budget: .workingHours(4)))
        #expect(process.node("tham_dinh")?.kind == .step(unit: "Phòng Tư pháp", role: .specialist, budget: .workingDays(1)))
        #expect(process.node("phe_duyet")?.kind == .step(unit: "Lãnh đạo UBND", role: .agencyLeader, budget: .workingHours(2)))
        #expect(process.flows.first { $0.id == "f_bo_sung" }?.decision == "supplement")
        #expect(ProcessRules.problems(in: process, legalDeadline: .workingDays(3)) == [])
    }

    @Test func ourExportReadsBackTheSame() throws {
        let process = try Self.read(Self.modelerFile)
        let written = BPMNWriter.write(process)
        #expect(written.contains("<motcua:step unit=\"Phòng Tư pháp\" role=\"chuyen-vien\" budget=\"1d\" />"))
        #expect(written.contains("<bpmn:timeDuration>P1D</bpmn:timeDuration>"))
        #expect(try Self.read(written) == process)
    }

    /// The demo's interlinked chains (shipped with the store's resources): hand-offs, a parallel split and join,
    /// and the three documents each names survive export and import.
    @Test(arguments: ["1.011599", "1.011600"])
    func theInterlinkedChainsReadBackTheSame(procedureCode: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/MotCuaStore/Resources/processes/\(procedureCode).bpmn")
        let process = try Self.read(try String(contentsOf: file, encoding: .utf8))
        #expect(process.nodes.compactMap(\.issuedResult).count == 3)
        #expect(process.nodes.filter { if case .handOff = $0.kind { true } else { false } }.count == 2)
        #expect(try Self.read(BPMNWriter.write(process)) == process)
    }

    /// The export carries a diagram a modeler can draw: a shape for every node inside its lane, no two shapes
    /// overlapping, and a line for every flow that starts and ends on its nodes.
    @Test(arguments: ["1.011599", "1.011600"])
    func theExportCarriesADiagram(procedureCode: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/MotCuaStore/Resources/processes/\(procedureCode).bpmn")
        let process = try Self.read(try String(contentsOf: file, encoding: .utf8))
        let layout = BPMNLayout(process)
        let written = BPMNWriter.write(process)
        for node in process.nodes {
            let box = try #require(layout.shapes[node.id])
            #expect(written.contains(#"bpmnElement="\#(node.id)""#))
            let lane = try #require(layout.lanes.first { $0.nodeIds.contains(node.id) })
            #expect(box.y >= lane.box.y && box.y + box.height <= lane.box.y + lane.box.height, "\(node.id) inside \(lane.name)")
            for other in process.nodes where other.id < node.id {
                let them = try #require(layout.shapes[other.id])
                let apart = box.x + box.width <= them.x || them.x + them.width <= box.x
                    || box.y + box.height <= them.y || them.y + them.height <= box.y
                #expect(apart, "\(node.id) overlaps \(other.id)")
            }
        }
        #expect(layout.lanes.map(\.name).contains(BPMNLayout.handOffLane))
        for flow in process.flows {
            let points = try #require(layout.edges[flow.id])
            let from = try #require(layout.shapes[flow.source]), to = try #require(layout.shapes[flow.target])
            #expect(points.first.map { $0.x == from.x + from.width || $0.y == from.y + from.height } == true)
            #expect(points.last.map { $0.x == to.x || $0.y == to.y + to.height } == true)
        }
        #expect(try Self.read(written) == process, "the diagram changes nothing the engine reads")
    }

    @Test func aLoopBackIsDrawnBelowItsLane() throws {
        let process = try Self.read(Self.modelerFile)
        let layout = BPMNLayout(process)
        let back = process.flows.filter { flow in
            (layout.shapes[flow.target]?.x ?? 0) < (layout.shapes[flow.source]?.x ?? 0)
        }
        #expect(!back.isEmpty, "the modeler file sends the dossier back for rework")
        for flow in back {
            let points = try #require(layout.edges[flow.id])
            #expect(points.count == 4 && points[1].y > (layout.shapes[flow.source]?.y ?? 0), "\(flow.id) runs below")
        }
    }

    @Test(arguments: [
        ("<bpmn:definitions", "bpmn"),
        ("<definitions xmlns=\"http://example.org/not-bpmn\" />", "bpmn"),
        (modelerFile.replacingOccurrences(of: "<bpmn:endEvent id=\"end\" name=\"Hoàn thành\" />",
                                          with: "<bpmn:endEvent id=\"end\" /><bpmn:scriptTask id=\"script\" />"), "nodes.script"),
        (modelerFile.replacingOccurrences(of: "role=\"chuyen-vien\" budget=\"1d\"", with: "budget=\"1d\""), "nodes.tham_dinh"),
        (modelerFile.replacingOccurrences(of: "<bpmn:timeDuration>PT4H</bpmn:timeDuration>",
                                          with: "<bpmn:timeDuration>R3/PT10M</bpmn:timeDuration>"), "nodes.t1"),
        (modelerFile.replacingOccurrences(of: "${decision == \"supplement\"}", with: "amount > 5"), "flows.f_bo_sung"),
        (modelerFile.replacingOccurrences(of: "<bpmn:startEvent id=\"start\" name=\"Nhận hồ sơ\">",
                                          with: "<bpmn:startEvent id=\"start\"><bpmn:messageEventDefinition />"), "nodes.start"),
    ])
    func whatWeDoNotExecuteIsNamed(xml: String, field: String) {
        #expect(throws: FieldProblem.self) { try Self.read(xml) }
        do { _ = try Self.read(xml) } catch { #expect(error.field == field, "\(error)") }
    }

    @Test func aGatewayWithNoOutgoingFlowIsRefusedByTheRules() throws {
        let broken = Self.modelerFile.replacingOccurrences(
            of: "<bpmn:sequenceFlow id=\"f_dat\" name=\"Đạt\" sourceRef=\"gw\" targetRef=\"phe_duyet\" />", with: "")
            .replacingOccurrences(of: "<bpmn:sequenceFlow id=\"f_bo_sung\" name=\"Yêu cầu bổ sung\" sourceRef=\"gw\" targetRef=\"tiep_nhan\">",
                                  with: "<bpmn:sequenceFlow id=\"f_bo_sung\" sourceRef=\"tiep_nhan\" targetRef=\"tiep_nhan\">")
        let process = try Self.read(broken)
        #expect(ProcessRules.problems(in: process, legalDeadline: .workingDays(3)).map(\.field).contains("nodes.gw"))
    }
}

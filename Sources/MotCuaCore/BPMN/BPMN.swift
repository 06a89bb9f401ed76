import Foundation

/// BPMN 2.0 — the namespaces and names of the subset MotCua executes, shared by the reader and the writer.
///
/// Supported inside `<process>`: `startEvent`, `endEvent`, `userTask` (or `task`), `exclusiveGateway` (with
/// `default`), `parallelGateway`, `callActivity` (a hand-off to another agency), `sequenceFlow` (a condition
/// `decision == 'approve'`, also written `${decision == "approve"}`), a non-interrupting `boundaryEvent` with a
/// `timerEventDefinition`/`timeDuration` (`P2D` = 2 working days, `PT4H` = 4 working hours) as a step's budget,
/// `laneSet`/`lane` (a lane's name is the unit of its steps), and `documentation`, `textAnnotation`, `association`.
/// MotCua's own details sit in `extensionElements` as `<motcua:step unit="…" role="chuyen-vien" budget="2d"/>`
/// and `<motcua:handOff agencyKind="cong-an-xa" procedure="1.004194" budget="3d"/>`; either may name the document
/// it issues to the applicant, `result="Giấy khai sinh"` (one result of an interlinked filing).
public enum BPMN {
    public static let modelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    public static let motcuaNamespace = "urn:motcua:bpmn:1"
    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// Elements inside a process that carry no meaning for execution and are skipped.
    static let ignored: Set<String> = ["documentation", "extensionElements", "textAnnotation", "association", "laneSet",
                                       "incoming", "outgoing"]

    /// `P2D` → 2 working days, `PT4H` → 4 working hours, `P0D` → same day.
    static func budget(duration text: String) -> TimeBudget? {
        let value = text.trimmed
        if value.hasPrefix("PT"), value.hasSuffix("H"), let hours = Int(value.dropFirst(2).dropLast()), hours >= 0 {
            return .workingHours(hours)
        }
        if value.hasPrefix("P"), value.hasSuffix("D"), let days = Int(value.dropFirst().dropLast()), days >= 0 {
            return days == 0 ? .sameDay : .workingDays(days)
        }
        return nil
    }

    static func duration(_ budget: TimeBudget) -> String {
        switch budget {
        case .workingDays(let n): "P\(n)D"
        case .workingHours(let n): "PT\(n)H"
        case .sameDay: "P0D"
        }
    }

    /// The decision a condition names: `decision == 'x'`, `decision == "x"`, optionally inside `${…}`.
    static func decision(condition text: String) -> String? {
        var body = text.trimmed
        if body.hasPrefix("${"), body.hasSuffix("}") { body = String(body.dropFirst(2).dropLast()) }
        let parts = body.components(separatedBy: "==")
        guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "decision" else { return nil }
        let quoted = parts[1].trimmingCharacters(in: .whitespaces)
        guard quoted.count >= 3, let first = quoted.first, first == quoted.last, first == "'" || first == "\"" else { return nil }
        let value = String(quoted.dropFirst().dropLast())
        return value.contains(where: { $0 == "'" || $0 == "\"" }) ? nil : value
    }
}

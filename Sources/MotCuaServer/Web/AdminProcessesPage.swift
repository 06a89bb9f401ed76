import Foundation
import MotCuaCore
import MotCuaStore

/// Quy trình nội bộ (quản trị) — the control office's page of internal processes: every saved version, to
/// download as BPMN and edit in a modeler, and the form to upload one; a refused file comes back with every
/// problem found, each naming the element.
struct AdminProcessesPage {
    /// One saved version.
    struct Line {
        let key: String
        let version: Int
        let procedureCode: String
        let effectiveFrom: String
        let savedAt: String
        let savedBy: String
        let bpmnHref: String
    }

    /// One problem of a refused file.
    struct Problem {
        let field: String
        let message: String
    }

    let layout: PageLayout
    let lines: [Line]
    let problems: [Problem]
    let hasProblems: Bool
    let notice: String?
    let typedProcedureCode: String
    let typedKey: String
    let typedEffectiveFrom: String

    init(layout: PageLayout, versions: [ProcessStore.VersionSummary], problems: [FieldProblem], notice: String?,
         typed: (procedureCode: String, key: String, effectiveFrom: String)) {
        self.layout = layout
        lines = versions.map { version in
            Line(key: version.key, version: version.version, procedureCode: version.procedureCode,
                 effectiveFrom: CivilDate(iso: version.effectiveFrom)?.vietnamese ?? version.effectiveFrom,
                 savedAt: WorkingCalendar.vietnamese(version.savedAt), savedBy: version.savedBy,
                 bpmnHref: "/api/processes/\(version.key)/versions/\(version.version)/bpmn")
        }
        self.problems = problems.map { Problem(field: $0.field, message: $0.message) }
        hasProblems = !problems.isEmpty
        self.notice = notice
        typedProcedureCode = typed.procedureCode
        typedKey = typed.key
        typedEffectiveFrom = typed.effectiveFrom
    }
}

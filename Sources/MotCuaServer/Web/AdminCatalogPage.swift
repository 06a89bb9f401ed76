import Foundation
import MotCuaCore

/// Danh mục thủ tục (quản trị) — the control office's catalog page: every procedure in a line, the catalog to
/// download as CSV (a spreadsheet) or JSON, and the upload of a corrected file, checked whole: one problem, named
/// by its place, and nothing is imported.
struct AdminCatalogPage {
    let layout: PageLayout
    let lines: [CatalogPage.Line]
    let summary: String
    let problem: String?
    let notice: String?

    init(layout: PageLayout, procedures: [Procedure], problem: FieldProblem?, notice: String?) {
        self.layout = layout
        lines = procedures.map(CatalogPage.Line.init)
        summary = "\(procedures.count) thủ tục trong danh mục."
        self.problem = problem.map { "\($0.field): \($0.message) Không nhập gì." }
        self.notice = notice
    }
}

import Foundation

/// Kiểm tra thủ tục — what a catalog entry must satisfy to be imported: a national code, a name, a valid legal
/// allowance, non-negative fees and counts, and an internal process whose step budgets fit the allowance.
public enum CatalogRules {
    /// The first problem with the procedure, or nil. Fields are named as in the JSON catalog.
    public static func problem(in procedure: Procedure, hours: WorkingHours = .standard) -> FieldProblem? {
        let codeParts = procedure.code.split(separator: ".", omittingEmptySubsequences: false)
        if codeParts.count != 2 || codeParts.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return FieldProblem(field: "code", message: "Mã thủ tục có dạng số.số, ví dụ 1.001193.")
        }
        if procedure.name.trimmingCharacters(in: .whitespaces).isEmpty {
            return FieldProblem(field: "name", message: "Cần có tên thủ tục.")
        }
        if procedure.field.trimmingCharacters(in: .whitespaces).isEmpty {
            return FieldProblem(field: "field", message: "Cần có lĩnh vực.")
        }
        if !procedure.deadline.isValid {
            return FieldProblem(field: "deadline", message: "Thời hạn giải quyết không hợp lệ.")
        }
        if let index = procedure.fees.firstIndex(where: { $0.amount < 0 }) {
            return FieldProblem(field: "fees[\(index)].amount", message: "Phí, lệ phí không được âm.")
        }
        if let index = procedure.documents.firstIndex(where: { $0.originals < 0 || $0.copies < 0 || $0.name.isEmpty }) {
            return FieldProblem(field: "documents[\(index)]", message: "Thành phần hồ sơ cần tên và số bản không âm.")
        }
        if procedure.steps.isEmpty {
            return FieldProblem(field: "steps", message: "Quy trình nội bộ cần ít nhất một bước xử lý.")
        }
        if let index = procedure.steps.firstIndex(where: { !$0.budget.isValid || $0.name.isEmpty }) {
            return FieldProblem(field: "steps[\(index)]", message: "Bước xử lý cần tên và thời hạn hợp lệ.")
        }
        let stepSeconds = procedure.steps.reduce(0) { $0 + $1.budget.workingSeconds(per: hours) }
        if let problem = ProcessRules.deadlineProblem(stepSeconds: stepSeconds, legalDeadline: procedure.deadline,
                                                      hours: hours, field: "steps") {
            return problem
        }
        if let from = procedure.effectiveFrom, let until = procedure.repealedOn, until <= from {
            return FieldProblem(field: "repealedOn", message: "Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        }
        return nil
    }

    /// The first problem in a whole catalog file: a procedure that breaks the rules above, or a code given twice.
    /// `place` names a procedure by its position in the file (`procedures[3]`, `row 5`), and the field follows it.
    public static func problem(inCatalog procedures: [Procedure], place: (Int) -> String,
                               hours: WorkingHours = .standard) -> FieldProblem? {
        var seen: Set<String> = []
        for (index, procedure) in procedures.enumerated() {
            if let problem = problem(in: procedure, hours: hours) {
                return FieldProblem(field: "\(place(index)).\(problem.field)", message: problem.message)
            }
            if !seen.insert(procedure.code).inserted {
                return FieldProblem(field: "\(place(index)).code", message: "Mã thủ tục \(procedure.code) xuất hiện hai lần.")
            }
        }
        return nil
    }
}

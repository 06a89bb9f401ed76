import Foundation

/// Ghi cơ quan — what the control office may record as an agency: a QCVN 102 code, a name, a kind written as a
/// slug (procedures and hand-offs name agencies by kind), the administrative unit it serves if any, and a parent
/// agency other than itself. Whether the unit and the parent exist is asked of the store and passed in.
extension Agency {
    public static let maximumNameLength = 300

    /// The first problem with this agency, or nil.
    public func problem(unitExists: Bool, parentExists: Bool) -> FieldProblem? {
        guard Self.isValidCode(code) else {
            return FieldProblem(field: "code", message: "Mã cơ quan theo QCVN 102:2016, dạng 000.30.01.H26.")
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= Self.maximumNameLength else {
            return FieldProblem(field: "name", message: "Cần nhập tên cơ quan (tối đa \(Self.maximumNameLength) ký tự).")
        }
        guard !kind.isEmpty, kind.count <= 60, kind.first != "-",
              kind.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            return FieldProblem(field: "kind", message: "Loại cơ quan viết thường không dấu, nối bằng gạch ngang, ví dụ ubnd-xa.")
        }
        if unitKey != nil, !unitExists {
            return FieldProblem(field: "unitKey", message: "Không có đơn vị hành chính \(unitKey ?? "").")
        }
        if let parentCode {
            guard parentCode != code else { return FieldProblem(field: "parentCode", message: "Cơ quan không thể trực thuộc chính nó.") }
            guard parentExists else { return FieldProblem(field: "parentCode", message: "Không có cơ quan mã \(parentCode).") }
        }
        return nil
    }
}

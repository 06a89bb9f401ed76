import Foundation

/// Tệp kết quả — the rules for attaching the result document (the signed decision or certificate, scanned or
/// signed digitally) to a dossier for its applicant to download: only once the dossier is decided (đã có kết
/// quả) or returned, only by an officer who handles dossiers in its agency or at its desk (not an inspector or the
/// control office), and under the name of the document.
public enum ResultFileRules {
    public static let maximumTitleLength = 200

    /// The roles that may attach a result.
    public static let attachingRoles: Set<OfficerRole> = [.deskOfficer, .specialist, .unitLeader, .agencyLeader]

    /// Whether an officer acting on a dossier in `status` with `roles` may attach a result to it now.
    public static func mayAttach(status: DossierStatus, roles: Set<OfficerRole>) -> Bool {
        refusal(status: status, roles: roles) == nil
    }

    /// The first problem with attaching a result titled `title` to a dossier in `status`, by an officer acting on
    /// it with `roles`; nil if it may be attached. Who and when come first, as a problem of the whole form (no field).
    public static func problem(status: DossierStatus, roles: Set<OfficerRole>, title: String) -> FieldProblem? {
        if let refusal = refusal(status: status, roles: roles) { return refusal }
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= maximumTitleLength else {
            return FieldProblem(field: "title", message: "Ghi tên giấy tờ kết quả (tối đa \(maximumTitleLength) ký tự), ví dụ \"Giấy khai sinh\".")
        }
        return nil
    }

    private static func refusal(status: DossierStatus, roles: Set<OfficerRole>) -> FieldProblem? {
        guard !roles.isDisjoint(with: attachingRoles) else {
            return FieldProblem(field: "", message: "Chỉ cán bộ giải quyết hồ sơ của cơ quan hoặc bộ phận một cửa nhận hồ sơ được đính kèm kết quả.")
        }
        guard status == .done || status == .returned else {
            return FieldProblem(field: "", message: "Chỉ đính kèm kết quả khi hồ sơ đã có kết quả (hiện: \(status.vietnameseName)).")
        }
        return nil
    }
}

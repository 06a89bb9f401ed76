/// Quy tắc ủy quyền — what a delegation decision must say to be recorded, and which agency decides a dossier
/// received on a day: the competent agency, or the delegate of the delegation in force.
public enum DelegationRules {
    /// The first problem with a decision as entered, naming the field; nil when it is well formed. `today` is the
    /// day it is recorded (a delegation never starts in the past).
    public static func problem(in delegation: Delegation, today: CivilDate) -> FieldProblem? {
        if delegation.number.trimmingCharacters(in: .whitespaces).isEmpty || delegation.number.count > 100 {
            return FieldProblem(field: "number", message: "Cần số quyết định ủy quyền (tối đa 100 ký tự), ví dụ 15/QĐ-UBND.")
        }
        if !Agency.isValidCode(delegation.delegatingAgencyCode) {
            return FieldProblem(field: "delegatingAgencyCode", message: "Mã cơ quan ủy quyền không đúng QCVN 102.")
        }
        if !Agency.isValidCode(delegation.delegateAgencyCode) || delegation.delegateAgencyCode == delegation.delegatingAgencyCode {
            return FieldProblem(field: "delegateAgencyCode", message: "Cơ quan được ủy quyền phải là cơ quan khác, mã theo QCVN 102.")
        }
        if delegation.procedureCodes.isEmpty || Set(delegation.procedureCodes).count != delegation.procedureCodes.count {
            return FieldProblem(field: "procedureCodes", message: "Cần danh sách thủ tục được ủy quyền, không trùng lặp.")
        }
        if delegation.signedOn > delegation.effectiveFrom {
            return FieldProblem(field: "effectiveFrom", message: "Ngày có hiệu lực không thể trước ngày ký quyết định.")
        }
        if delegation.effectiveFrom < today {
            return FieldProblem(field: "effectiveFrom", message: "Ủy quyền không áp dụng hồi tố: ngày có hiệu lực từ hôm nay (\(today.vietnamese)) trở đi.")
        }
        if let until = delegation.effectiveUntil, until <= delegation.effectiveFrom {
            return FieldProblem(field: "effectiveUntil", message: "Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        }
        return nil
    }

    /// How a decision clashes with those already recorded: the same number, or the same procedure on a common day.
    public static func conflict(of delegation: Delegation, with existing: [Delegation]) -> FieldProblem? {
        if let clash = existing.first(where: { $0.number == delegation.number && $0.delegatingAgencyCode == delegation.delegatingAgencyCode }) {
            return FieldProblem(field: "number", message: "Quyết định số \(clash.number) đã được ghi.")
        }
        if let clash = existing.first(where: delegation.overlaps) {
            let shared = delegation.procedureCodes.filter(clash.procedureCodes.contains).joined(separator: ", ")
            return FieldProblem(field: "effectiveFrom", message: "Trùng thời gian với quyết định \(clash.number) "
                + "(từ \(clash.effectiveFrom.vietnamese)) cho thủ tục \(shared).")
        }
        return nil
    }

    /// A revocation takes effect from a day not in the past and not after the delegation has ended anyway.
    public static func revocationProblem(of delegation: Delegation, on day: CivilDate, today: CivilDate) -> FieldProblem? {
        if delegation.revokedOn != nil {
            return FieldProblem(field: "revokedOn", message: "Quyết định \(delegation.number) đã bị thu hồi.")
        }
        if day < today {
            return FieldProblem(field: "revokedOn", message: "Thu hồi không hồi tố: từ hôm nay (\(today.vietnamese)) trở đi.")
        }
        if let ends = delegation.endsOn, day >= ends {
            return FieldProblem(field: "revokedOn", message: "Quyết định đã hết hiệu lực từ \(ends.vietnamese).")
        }
        return nil
    }

    /// The agency that decides a dossier of `procedureCode` whose competent agency is `competentAgencyCode`,
    /// received on `day`, and the authority it decides under.
    public static func decidingAgency(procedureCode: String, competentAgencyCode: String, on day: CivilDate,
                                      delegations: [Delegation]) -> (agencyCode: String, authority: Authority) {
        let inForce = delegations.first {
            $0.delegatingAgencyCode == competentAgencyCode && $0.procedureCodes.contains(procedureCode) && $0.isInForce(on: day)
        }
        return (inForce?.delegateAgencyCode ?? competentAgencyCode,
                Authority(competentAgencyCode: competentAgencyCode, delegationNumber: inForce?.number))
    }
}

extension DelegationRules {
    /// The deciding agency and authority for a dossier asked of `requested`: the competent agency (or its delegate,
    /// under the delegation in force on `day`), or `requested` itself when a delegation in force names it as the
    /// delegate; throws the competence problem when `requested` has no authority over the procedure that day.
    public static func route(procedure: Procedure, requested: Agency, on day: CivilDate,
                             delegations: [Delegation]) throws(FieldProblem) -> (agencyCode: String, authority: Authority) {
        guard let incompetent = IntakeRules.competenceProblem(procedure: procedure, agency: requested) else {
            return decidingAgency(procedureCode: procedure.code, competentAgencyCode: requested.code, on: day,
                                  delegations: delegations)
        }
        guard let delegation = delegations.first(where: {
            $0.delegateAgencyCode == requested.code && $0.procedureCodes.contains(procedure.code) && $0.isInForce(on: day)
        }) else { throw incompetent }
        return (requested.code, Authority(competentAgencyCode: delegation.delegatingAgencyCode,
                                          delegationNumber: delegation.number))
    }
}

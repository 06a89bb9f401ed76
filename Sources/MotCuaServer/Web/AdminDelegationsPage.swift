import Foundation
import MotCuaCore

/// Ủy quyền (quản trị) — the control office's page of delegation decisions: each with its agencies, procedures
/// and period, whether it applies today, a form to revoke it from a day; and the form to record a new one, which
/// comes back with what was typed and the problem next to its field.
struct AdminDelegationsPage {
    /// One decision.
    struct Line {
        let number: String
        let delegating: String
        let delegatingCode: String
        let delegate: String
        let procedures: String
        let period: String
        let state: String
        let mayRevoke: Bool
    }

    let layout: PageLayout
    let lines: [Line]
    let hasLines: Bool
    let typed: [String: String]
    let errors: [String: String]
    let formError: String?
    let notice: String?

    static let fields = ["number", "signedOn", "delegatingAgencyCode", "delegateAgencyCode", "procedureCodes", "effectiveFrom",
                         "effectiveUntil"]

    init(layout: PageLayout, delegations: [Delegation], agencyNames: [String: String], today: CivilDate, typed: [String: String],
         problem: (field: String?, message: String)?, notice: String?) {
        self.layout = layout
        lines = delegations.map { delegation in
            let until = delegation.endsOn.map { "đến hết ngày \($0.adding(days: -1).vietnamese)" } ?? "đến khi thu hồi"
            let state = delegation.revokedOn.map { "Thu hồi từ \($0.vietnamese)" }
                ?? (delegation.isInForce(on: today) ? "Đang áp dụng" : delegation.effectiveFrom > today ? "Chưa đến ngày áp dụng" : "Hết hiệu lực")
            return Line(number: delegation.number, delegating: agencyNames[delegation.delegatingAgencyCode] ?? delegation.delegatingAgencyCode,
                        delegatingCode: delegation.delegatingAgencyCode,
                        delegate: agencyNames[delegation.delegateAgencyCode] ?? delegation.delegateAgencyCode,
                        procedures: delegation.procedureCodes.joined(separator: ", "),
                        period: "Từ \(delegation.effectiveFrom.vietnamese) \(until)", state: state,
                        mayRevoke: delegation.revokedOn == nil && (delegation.endsOn.map { $0 > today } ?? true))
        }
        hasLines = !lines.isEmpty
        self.typed = typed
        (errors, formError) = PageField.place(field: problem?.field, message: problem?.message, among: Self.fields)
        self.notice = notice
    }
}

import Foundation
import MotCuaCore
import MotCuaStore

/// Cán bộ và vai trò (quản trị) — the control office's page of officer accounts: each with its roles in agencies,
/// and the form to add one, which comes back with what was typed (never the password) and the problem next to
/// its field.
struct AdminUsersPage {
    /// One officer.
    struct Line {
        let username: String
        let fullName: String
        let roles: String
        let active: Bool
    }

    let layout: PageLayout
    let lines: [Line]
    let typed: [String: String]
    let errors: [String: String]
    let notice: String?
    let roleNames: String

    init(layout: PageLayout, officers: [UserStore.Officer], typed: [String: String], problem: FieldProblem?, notice: String?) {
        self.layout = layout
        lines = officers.map { officer in
            Line(username: officer.username, fullName: officer.fullName,
                 roles: officer.roles.map { "\($0.role.vietnameseName) tại \($0.agencyCode)" }.joined(separator: "; "),
                 active: officer.active)
        }
        self.typed = typed
        errors = problem.map { [$0.field: $0.message] } ?? [:]
        self.notice = notice
        roleNames = OfficerRole.allCases.map { "\($0.rawValue) (\($0.vietnameseName))" }.joined(separator: ", ")
    }
}

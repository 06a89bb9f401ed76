import Foundation
import MotCuaCore
import MotCuaStore

/// Sửa tài khoản cán bộ (quản trị) — one officer's account as the control office edits it: name, roles (one
/// `vai-tro@ma-co-quan` a line), active or locked, a new password; comes back with what was typed and the problem
/// next to its field, and lists the work the officer holds (what stops a role from being taken away).
struct AdminUserPage {
    /// One item the officer holds.
    struct Held {
        let dossierCode: String
        let step: String
        let href: String
    }

    let layout: PageLayout
    let username: String
    let fullName: String
    let roles: String
    let active: Bool
    let held: [Held]
    let hasHeld: Bool
    let errors: [String: String]
    let notice: String?
    let roleNames: String

    /// `typed` is what was posted, when the form comes back; otherwise the stored account is shown.
    init(layout: PageLayout, officer: UserStore.Officer, typed: FormFields?, held: [WorkItemStore.Entry], problem: FieldProblem?,
         notice: String?) {
        self.layout = layout
        username = officer.username
        fullName = typed?["fullName"] ?? officer.fullName
        roles = typed?["roles"] ?? officer.roles.map { "\($0.role.rawValue)@\($0.agencyCode)" }.joined(separator: "\n")
        active = typed.map { $0["active"] == "1" } ?? officer.active
        self.held = held.map { Held(dossierCode: $0.dossierCode, step: $0.name, href: "/can-bo/ho-so/\($0.dossierCode)") }
        hasHeld = !held.isEmpty
        errors = problem.map { [$0.field: $0.message] } ?? [:]
        self.notice = notice
        roleNames = OfficerRole.allCases.map { "\($0.rawValue) (\($0.vietnameseName))" }.joined(separator: ", ")
    }
}

import Foundation
import MotCuaCore
import MotCuaStore

/// Sửa tài khoản cán bộ — the control office changes an officer's name, roles, standing (active or locked) or
/// password. Refused, naming the field: an empty name or role list, a role in an unknown agency, locking oneself or
/// dropping one's own administrator role (no office may lock itself out), and taking from an officer a role under
/// which they still hold work items (the leader hands those on first, so no dossier is left with nobody).
public enum AccountChange {
    /// What the office asks for.
    public struct Request: Sendable {
        public let username: String
        public let fullName: String
        public let roles: [String]
        public let active: Bool
        /// A new password, or empty to keep the old one.
        public let newPassword: String

        public init(username: String, fullName: String, roles: [String], active: Bool, newPassword: String) {
            self.username = username
            self.fullName = fullName
            self.roles = roles
            self.active = active
            self.newPassword = newPassword
        }
    }

    /// Applies the change whole, or throws the first problem found and changes nothing.
    public static func apply(_ request: Request, by administrator: UserStore.Officer, database: Database,
                             passwordCost: UInt8 = Passwords.cost, at now: Date) async throws {
        let fullName = request.fullName.trimmingCharacters(in: .whitespaces)
        guard !fullName.isEmpty else { throw FieldProblem(field: "fullName", message: "Cần nhập họ tên cán bộ.") }
        if !request.newPassword.isEmpty, request.newPassword.count < NewAccount.minimumPasswordLength {
            throw FieldProblem(field: "password", message: "Mật khẩu mới cần tối thiểu \(NewAccount.minimumPasswordLength) ký tự.")
        }
        let grants = try await NewAccount.grants(request.roles, database: database)
        if request.username == administrator.username {
            guard request.active else { throw FieldProblem(field: "active", message: "Không thể tự khóa tài khoản của mình.") }
            guard grants.contains(where: { $0.role == .administrator }) else {
                throw FieldProblem(field: "roles", message: "Không thể tự bỏ vai trò quản trị của mình; nhờ cán bộ quản trị khác.")
            }
        }
        let kept = request.active ? Set(grants) : []
        let stranded = try await WorkItemStore(database: database).held(by: request.username)
            .filter { !kept.contains(UserStore.Grant(agencyCode: $0.agencyCode, role: $0.role)) }
        if !stranded.isEmpty {
            let codes = Set(stranded.map(\.dossierCode)).sorted().joined(separator: ", ")
            throw FieldProblem(field: request.active ? "roles" : "active",
                               message: "Cán bộ đang giữ việc của hồ sơ \(codes) theo vai trò này; lãnh đạo cần giao lại trước.")
        }
        let hash = request.newPassword.isEmpty ? nil : try await Passwords.hash(request.newPassword, cost: passwordCost)
        guard try await UserStore(database: database).update(username: request.username, fullName: fullName, grants: grants,
                                                             active: request.active, passwordHash: hash,
                                                             by: administrator.username, at: now) else {
            throw FieldProblem(field: "username", message: "Không có cán bộ \(request.username).")
        }
    }
}

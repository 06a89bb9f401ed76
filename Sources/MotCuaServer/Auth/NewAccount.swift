import Foundation
import MotCuaCore
import MotCuaStore

/// Tài khoản mới — an officer account as the control office asks for it (command line or page): a sign-in name,
/// a full name, a password of at least 8 characters, and roles written `vai-tro@ma-co-quan`, each in a known agency.
/// Each problem names its field; nothing is written until all is right.
public enum NewAccount {
    static let minimumPasswordLength = 8

    /// Creates the account, or throws the first problem found.
    public static func add(username: String, fullName: String, password: String, roles: [String], database: Database,
                           passwordCost: UInt8 = Passwords.cost, by actor: String, now: Date) async throws {
        let username = username.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, username.count <= 60,
              username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }) else {
            throw FieldProblem(field: "username", message: "Tên đăng nhập gồm chữ không dấu, số, dấu chấm, gạch (tối đa 60 ký tự).")
        }
        guard !fullName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldProblem(field: "fullName", message: "Cần nhập họ tên cán bộ.")
        }
        guard password.count >= minimumPasswordLength else {
            throw FieldProblem(field: "password", message: "Mật khẩu cần tối thiểu \(minimumPasswordLength) ký tự.")
        }
        let grants = try await grants(roles, database: database)
        let added = try await UserStore(database: database).add(username: username, fullName: fullName,
                                                                passwordHash: try await Passwords.hash(password, cost: passwordCost),
                                                                grants: grants, by: actor, now: now)
        guard added else { throw FieldProblem(field: "username", message: "Tài khoản \(username) đã tồn tại.") }
    }

    /// Roles written `vai-tro@ma-co-quan`, one per entry (blank entries skipped), each in a known agency; at least one.
    static func grants(_ roles: [String], database: Database) async throws -> [UserStore.Grant] {
        var grants: [UserStore.Grant] = []
        for text in roles where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "@", maxSplits: 1)
            guard parts.count == 2, let role = OfficerRole(rawValue: String(parts[0])) else {
                throw FieldProblem(field: "roles", message: "\"\(text)\": dạng vai-tro@ma-co-quan, vai trò là một trong "
                    + OfficerRole.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            guard try await ReferenceStore(database: database).agency(code: String(parts[1])) != nil else {
                throw FieldProblem(field: "roles", message: "Không có cơ quan mã \(parts[1]).")
            }
            grants.append(UserStore.Grant(agencyCode: String(parts[1]), role: role))
        }
        guard !grants.isEmpty else { throw FieldProblem(field: "roles", message: "Cần ít nhất một vai trò tại một cơ quan.") }
        return grants
    }
}

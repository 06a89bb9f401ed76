import Foundation
import HummingbirdBcrypt
import MotCuaCore
import MotCuaStore

/// Dữ liệu demo — the demo catalog and one account per role, loaded only into an empty database.
enum DemoData {
    static let password = "motcua2026"
    static let wardCommittee = "000.30.01.H26"
    static let justiceDepartment = "000.00.14.H26"
    static let serviceCentre = "000.00.01.H26"

    static let accounts: [(username: String, name: String, grants: [UserStore.Grant])] = [
        ("quantri", "Quản trị kiểm soát TTHC", [.init(agencyCode: "000.00.00.H26", role: .administrator)]),
        ("motcua.badinh", "Nguyễn Thị Một Cửa (UBND phường Ba Đình)", [.init(agencyCode: wardCommittee, role: .deskOfficer)]),
        ("chuyenvien.badinh", "Trần Văn Chuyên (UBND phường Ba Đình)", [.init(agencyCode: wardCommittee, role: .specialist)]),
        ("lanhdao.badinh", "Lê Thị Lãnh Đạo (UBND phường Ba Đình)", [.init(agencyCode: wardCommittee, role: .agencyLeader),
                                                                    .init(agencyCode: wardCommittee, role: .unitLeader)]),
        ("motcua.tttp", "Phạm Văn Tiếp Nhận (Trung tâm PVHCC thành phố)", [.init(agencyCode: serviceCentre, role: .deskOfficer)]),
        ("chuyenvien.stp", "Hoàng Thị Tư Pháp (Sở Tư pháp)", [.init(agencyCode: justiceDepartment, role: .specialist)]),
        ("lanhdao.stp", "Đỗ Văn Giám Đốc (Sở Tư pháp)", [.init(agencyCode: justiceDepartment, role: .agencyLeader)]),
        ("thanhtra", "Vũ Thị Thanh Tra", [.init(agencyCode: wardCommittee, role: .inspector)]),
    ]

    static func load(into database: Database) async throws {
        let seeded = try await Seeder(database: database).seedDemoCatalog()
        let users = UserStore(database: database)
        guard try await users.userCount() == 0 else {
            print("Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu demo.")
            return
        }
        for account in accounts {
            _ = try await users.add(username: account.username, fullName: account.name,
                                    passwordHash: Bcrypt.hash(password, cost: 10), grants: account.grants, now: Date())
        }
        print(seeded ? "Đã nạp danh mục demo." : "Danh mục đã có sẵn.")
        print("Tài khoản demo (mật khẩu \(password)):")
        for account in accounts {
            print("  \(account.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.grants.map { "\($0.role.rawValue)@\($0.agencyCode)" }.joined(separator: ", "))")
        }
    }
}

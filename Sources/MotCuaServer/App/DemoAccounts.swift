import Foundation
import MotCuaCore
import MotCuaStore

/// Tài khoản demo — one officer account per role, on the demo agencies, for trying MotCua out and for tests.
/// Loaded (with the demo catalog) only into an empty database.
public enum DemoAccounts {
    public static let password = "motcua2026"
    public static let wardCommittee = "000.30.01.H26"
    public static let justiceDepartment = "000.00.14.H26"
    public static let serviceCentre = "000.00.01.H26"
    /// The ward's police and the city's social insurance: the partners of the interlinked chains.
    public static let wardPolice = "001.30.01.H26"
    public static let socialInsurance = "000.00.41.H26"

    /// Tài khoản — a demo officer: sign-in name, full name, roles.
    public struct Account: Sendable {
        public let username: String
        public let fullName: String
        public let grants: [UserStore.Grant]
    }

    public static let all: [Account] = [
        Account(username: "quantri", fullName: "Quản trị kiểm soát TTHC",
                grants: [.init(agencyCode: "000.00.00.H26", role: .administrator)]),
        Account(username: "motcua.badinh", fullName: "Nguyễn Thị Một Cửa (UBND phường Ba Đình)",
                grants: [.init(agencyCode: wardCommittee, role: .deskOfficer)]),
        Account(username: "chuyenvien.badinh", fullName: "Trần Văn Chuyên (UBND phường Ba Đình)",
                grants: [.init(agencyCode: wardCommittee, role: .specialist)]),
        Account(username: "chuyenvien2.badinh", fullName: "Ngô Văn Thụ Lý (UBND phường Ba Đình)",
                grants: [.init(agencyCode: wardCommittee, role: .specialist)]),
        Account(username: "lanhdao.badinh", fullName: "Lê Thị Lãnh Đạo (UBND phường Ba Đình)",
                grants: [.init(agencyCode: wardCommittee, role: .agencyLeader), .init(agencyCode: wardCommittee, role: .unitLeader)]),
        Account(username: "motcua.tttp", fullName: "Phạm Văn Tiếp Nhận (Trung tâm PVHCC thành phố)",
                grants: [.init(agencyCode: serviceCentre, role: .deskOfficer)]),
        Account(username: "chuyenvien.stp", fullName: "Hoàng Thị Tư Pháp (Sở Tư pháp)",
                grants: [.init(agencyCode: justiceDepartment, role: .specialist)]),
        Account(username: "lanhdao.stp", fullName: "Đỗ Văn Giám Đốc (Sở Tư pháp)",
                grants: [.init(agencyCode: justiceDepartment, role: .agencyLeader)]),
        Account(username: "congan.badinh", fullName: "Bùi Văn Cư Trú (Công an phường Ba Đình)",
                grants: [.init(agencyCode: wardPolice, role: .specialist)]),
        Account(username: "bhxh.hanoi", fullName: "Đinh Thị Bảo Hiểm (Bảo hiểm xã hội thành phố Hà Nội)",
                grants: [.init(agencyCode: socialInsurance, role: .specialist)]),
        Account(username: "thanhtra", fullName: "Vũ Thị Thanh Tra", grants: [.init(agencyCode: wardCommittee, role: .inspector)]),
    ]

    /// What loading found and did.
    public enum Outcome: Sendable {
        case loaded(catalogSeeded: Bool)
        case databaseNotEmpty
    }

    /// Loads the demo catalog (if the catalog is empty) and the accounts (if there are no users at all).
    /// `passwordCost` is bcrypt's work factor.
    public static func load(into database: Database, passwordCost: UInt8 = Passwords.cost, now: Date = Date()) async throws -> Outcome {
        let seeded = try await Seeder(database: database).seedDemoCatalog(at: now)
        let users = UserStore(database: database)
        guard try await users.userCount() == 0 else { return .databaseNotEmpty }
        let hash = try await Passwords.hash(password, cost: passwordCost)
        for account in all {
            _ = try await users.add(username: account.username, fullName: account.fullName, passwordHash: hash,
                                    grants: account.grants, by: "du-lieu-demo", now: now)
        }
        return .loaded(catalogSeeded: seeded)
    }
}

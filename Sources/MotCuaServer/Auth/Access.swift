import MotCuaCore
import MotCuaStore

/// Phạm vi truy cập — which dossiers an officer may see and act on: those of the agencies where they hold a
/// role, those their own agency's desk received, and those handed to their agency for its part.
extension UserStore.Officer {
    public var agencyCodes: [String] { Array(Set(roles.map(\.agencyCode))).sorted() }

    /// The roles the officer holds in one agency.
    public func roles(in agencyCode: String) -> Set<OfficerRole> {
        Set(roles.filter { $0.agencyCode == agencyCode }.map(\.role))
    }

    /// The officer as Core's rules see them, covering the given absent colleagues.
    public func actor(covering: Set<String> = []) -> Actor {
        Actor(username: username, rolesByAgency: Dictionary(grouping: roles, by: \.agencyCode).mapValues { Set($0.map(\.role)) },
              covering: covering)
    }

    /// Whether the officer works in the procedure-control office (the administrator role, in any agency).
    public var isAdministrator: Bool { roles.contains { $0.role == .administrator } }

    public func canSee(_ dossier: Dossier) -> Bool {
        !dossier.agencyCodes.isDisjoint(with: roles.map(\.agencyCode))
    }

    /// The officer, if they work in the procedure-control office; otherwise 403 saying only that office may do
    /// `action` ("sửa lịch nghỉ").
    @discardableResult
    public func requiringControlOffice(to action: String) throws -> Self {
        guard isAdministrator else { throw Problem.forbidden("Chỉ bộ phận kiểm soát TTHC (vai trò quản trị) được \(action).") }
        return self
    }
}

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

    /// The officer, if they hold `role` in some agency; 403 with `message` otherwise.
    public func requiring(_ role: OfficerRole, _ message: String) throws -> Self {
        guard roles.contains(where: { $0.role == role }) else { throw Problem.forbidden(message) }
        return self
    }
}

import MotCuaCore
import MotCuaStore

/// Phạm vi truy cập — which dossiers an officer may see and act on: those of the agencies where they hold a
/// role, and those their own agency's desk received.
extension UserStore.Officer {
    public var agencyCodes: [String] { Array(Set(roles.map(\.agencyCode))).sorted() }

    /// The roles the officer holds in one agency.
    public func roles(in agencyCode: String) -> Set<OfficerRole> {
        Set(roles.filter { $0.agencyCode == agencyCode }.map(\.role))
    }

    /// The roles the officer acts with on a dossier: theirs in the deciding agency, and the desk role where
    /// their desk received it (to accept, refuse or return it there).
    public func roles(actingOn dossier: Dossier) -> Set<OfficerRole> {
        var acting = roles(in: dossier.agencyCode)
        if roles(in: dossier.receivedByAgencyCode).contains(.deskOfficer) { acting.insert(.deskOfficer) }
        return acting
    }

    public func canSee(_ dossier: Dossier) -> Bool {
        let mine = Set(agencyCodes)
        return mine.contains(dossier.agencyCode) || mine.contains(dossier.receivedByAgencyCode)
    }
}

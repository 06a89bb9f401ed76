/// Người thao tác — who acts on a dossier: their username, the roles they hold in each agency, and the absent
/// colleagues whose work they cover today (xử lý thay khi vắng mặt).
public struct Actor: Hashable, Sendable {
    public let username: String
    public let rolesByAgency: [String: Set<OfficerRole>]
    /// Officers who are absent now and named this actor as their substitute.
    public let covering: Set<String>

    public init(username: String, rolesByAgency: [String: Set<OfficerRole>], covering: Set<String> = []) {
        self.username = username
        self.rolesByAgency = rolesByAgency
        self.covering = covering
    }

    public func roles(in agencyCode: String) -> Set<OfficerRole> { rolesByAgency[agencyCode] ?? [] }

    /// The roles used for the dossier's own actions: those held in the deciding agency, plus the desk role where
    /// the actor's desk received the dossier (to accept, refuse or return it there).
    public func roles(actingOn dossier: Dossier) -> Set<OfficerRole> {
        var acting = roles(in: dossier.agencyCode)
        if roles(in: dossier.receivedByAgencyCode).contains(.deskOfficer) { acting.insert(.deskOfficer) }
        return acting
    }

    /// Whether the item is the actor's to work on: it waits in the queue, or they hold it, or they cover its holder.
    public func holdsOrMayTake(_ item: WorkItem) -> Bool {
        guard let assignee = item.assignee else { return true }
        return assignee == username || covering.contains(assignee)
    }

    /// Whether the actor leads the unit's work in the item's agency (may hand the item to someone).
    public func leads(_ item: WorkItem) -> Bool {
        !roles(in: item.agencyCode).isDisjoint(with: [.unitLeader, .agencyLeader])
    }
}

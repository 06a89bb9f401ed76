import Foundation

/// Yêu cầu chuyển trạng thái — what an actor asks to do to a dossier, and when.
public struct TransitionRequest: Sendable {
    public let action: DossierAction
    public let at: Date
    public let actor: Actor
    /// The roles the actor holds for the dossier's own actions (see `Actor.roles(actingOn:)`).
    public let actorRoles: Set<OfficerRole>
    public let reason: String?
    /// The new appointment, for an extension.
    public let newDue: Date?
    /// The work item acted on; may be left out when the actor has exactly one they can act on.
    public let workItem: Int?
    /// Quyết định — the way chosen at the next choice of the process (e.g. `duyet`, `tra-lai`).
    public let decision: String?
    /// The officer a leader hands the item to.
    public let assignee: String?
    /// What a partner agency issued, when it completes its hand-off.
    public let result: String?

    public init(action: DossierAction, at: Date, actor: Actor, actorRoles: Set<OfficerRole>, reason: String? = nil,
                newDue: Date? = nil, workItem: Int? = nil, decision: String? = nil, assignee: String? = nil,
                result: String? = nil) {
        self.action = action
        self.at = at
        self.actor = actor
        self.actorRoles = actorRoles
        self.reason = reason
        self.newDue = newDue
        self.workItem = workItem
        self.decision = decision
        self.assignee = assignee
        self.result = result
    }
}

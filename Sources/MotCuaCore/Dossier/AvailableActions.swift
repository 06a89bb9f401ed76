import Foundation

/// Thao tác được phép — what an officer may do to a dossier now, found by asking the workflow itself: each action
/// is tried on the current state with every input it could need filled in, and kept unless a rule refuses it
/// outright (wrong status, missing role, someone else's item, too late). An action that only lacks input (a
/// reason, a decision, an item to choose) is offered, with what it will ask for.
public struct AvailableActions: Sendable {
    /// One action on offer.
    public struct Offer: Sendable, Hashable {
        public let action: DossierAction
        /// The work items it may act on (several: the officer chooses).
        public let workItems: [WorkItem]
        /// The decisions the process offers after the item (empty: it goes its only way).
        public let decisions: [ProcessDefinition.Choice]
        /// The document the item issues, whose number must be given.
        public let issuedResult: String?
    }

    public let offers: [Offer]

    public init(offers: [Offer]) { self.offers = offers }

    public init(for actor: Actor, roles: Set<OfficerRole>, state: DossierState, workflow: DossierWorkflow,
                engine: ProcessEngine, budget: TimeBudget, at now: Date) {
        var offers: [Offer] = []
        for action in DossierAction.allCases {
            let isItemWork = DossierWorkflow.isItemWork(action, in: state)
            let candidates = isItemWork ? (state.work?.openItems ?? []) : []
            let workable = isItemWork
                ? candidates.filter { item in
                    // Taking an item is offered only while it waits in the queue.
                    (action != .claim || item.assignee == nil)
                        && Self.allowed(action, item: item.id, actor, roles, state, workflow, engine, budget, now)
                }
                : []
            guard isItemWork ? !workable.isEmpty : Self.allowed(action, item: nil, actor, roles, state, workflow, engine, budget, now)
            else { continue }
            let node = workable.count == 1 ? engine.definition.node(workable[0].nodeId) : nil
            let completes = [DossierAction.forward, .finish].contains(action) && isItemWork
            offers.append(Offer(action: action, workItems: workable,
                                decisions: completes ? workable.first.map { engine.definition.decisions(after: $0.nodeId) } ?? [] : [],
                                issuedResult: completes ? node?.issuedResult : nil))
        }
        self.offers = offers
    }

    /// Whether the rules let the action through with its input supplied; only input problems are forgiven.
    static func allowed(_ action: DossierAction, item: Int?, _ actor: Actor, _ roles: Set<OfficerRole>, _ state: DossierState,
                        _ workflow: DossierWorkflow, _ engine: ProcessEngine, _ budget: TimeBudget, _ now: Date) -> Bool {
        let farAhead = (state.clock.due ?? now).addingTimeInterval(365 * 86_400)
        let request = TransitionRequest(action: action, at: now, actor: actor, actorRoles: roles, reason: "…",
                                        newDue: farAhead, workItem: item, decision: nil, assignee: actor.username,
                                        result: "…")
        do {
            _ = try workflow.transition(request, from: state, engine: engine, budget: budget)
            return true
        } catch {
            switch error {
            case .decisionRequired, .decisionUnknown, .workItemRequired, .reasonRequired, .newDueRequired,
                 .newDueNotLater, .assigneeRequired, .resultRequired:
                return true
            case .notAllowedFrom, .roleRequired, .heldByOther, .workItemUnknown, .stepsRemaining, .noStepsLeft,
                 .extensionTooLate, .partnerMissing, .processInvalid:
                return false
            }
        }
    }
}

extension ProcessDefinition {
    /// Một lựa chọn — a decision an officer may take at a choice, and the name the process gives its way.
    public struct Choice: Sendable, Hashable {
        public let decision: String
        public let label: String
    }

    /// The decisions offered at the choice that directly follows a node (empty when its way does not branch).
    public func decisions(after nodeId: String) -> [Choice] {
        outgoing(nodeId).flatMap { flow -> [Choice] in
            guard let next = node(flow.target), case .exclusive = next.kind else { return [] }
            return outgoing(next.id).compactMap { way in way.decision.map { Choice(decision: $0, label: way.name ?? $0) } }
        }
    }
}

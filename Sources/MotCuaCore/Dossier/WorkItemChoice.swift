/// Chọn việc — which open work item a request acts on, and whether the actor may: the item's role in the item's
/// agency, and the item free or theirs (or a colleague's they cover) — or, to give it to someone, a leader there.
struct WorkItemChoice {
    let item: WorkItem

    init(request: TransitionRequest, work: ProcessInstance) throws(TransitionError) {
        let open = work.openItemsInPlace
        if let id = request.workItem {
            guard let item = open.first(where: { $0.id == id }) else { throw .workItemUnknown(id) }
            try Self.check(request, on: item)
            self.item = item
            return
        }
        var mine: [WorkItem] = []
        var refusal: TransitionError?
        for item in open {
            do throws(TransitionError) {
                try Self.check(request, on: item)
                mine.append(item)
            } catch {
                refusal = error
            }
        }
        guard mine.count <= 1 else { throw .workItemRequired(mine.map(\.id)) }
        guard let only = mine.first else { throw refusal ?? .roleRequired(Set(open.map(\.role))) }
        item = only
    }

    static func check(_ request: TransitionRequest, on item: WorkItem) throws(TransitionError) {
        let actor = request.actor
        switch request.action {
        case .assign:
            guard actor.leads(item) else { throw .roleRequired([.unitLeader, .agencyLeader]) }
            guard request.assignee?.isEmpty == false else { throw .assigneeRequired }
        case .release:
            guard item.assignee != nil, actor.holdsOrMayTake(item) || actor.leads(item) else {
                throw item.assignee.map { .heldByOther($0) } ?? .workItemUnknown(item.id)
            }
        default:
            guard actor.roles(in: item.agencyCode).contains(item.role) else { throw .roleRequired([item.role]) }
            guard actor.holdsOrMayTake(item) else { throw .heldByOther(item.assignee ?? "") }
        }
    }
}

import Foundation

/// Bộ máy quy trình — runs one dossier through one process version: starts it, completes work items, and follows
/// the flows (a choice by the officer's decision, parallel branches that split and join, hand-offs to partner
/// agencies), opening the next items with their own clocks. Pure: the same input gives the same instance.
public struct ProcessEngine: Sendable {
    public let definition: ProcessDefinition
    public let calendar: WorkingCalendar
    /// The deciding agency, whose units do the ordinary steps.
    public let agencyCode: String
    public let partners: [String: ProcessBinding.Partner]

    public init(definition: ProcessDefinition, calendar: WorkingCalendar, agencyCode: String,
                partners: [String: ProcessBinding.Partner]) {
        self.definition = definition
        self.calendar = calendar
        self.agencyCode = agencyCode
        self.partners = partners
    }

    /// Starts the process at `now`: follows the start event's flows and opens the first items.
    public func start(at now: Date, decision: String?) throws(TransitionError) -> ProcessInstance {
        guard let start = definition.start else { throw .processInvalid }
        var walk = Walk(engine: self, instance: ProcessInstance(), now: now, decision: decision, after: nil)
        for flow in definition.outgoing(start.id) { try walk.enter(flow) }
        guard !walk.instance.items.isEmpty else { throw .processInvalid }
        return walk.instance
    }

    /// Completes an open item by `actor` and moves on from it.
    public func complete(_ id: Int, in instance: ProcessInstance, by actor: String, at now: Date,
                         decision: String?, result: String? = nil) throws(TransitionError) -> ProcessInstance {
        guard var item = instance.item(id), item.isOpen else { throw .workItemUnknown(id) }
        let result = result?.trimmed
        if let issued = definition.node(item.nodeId)?.issuedResult, result?.isEmpty ?? true {
            throw .resultRequired(issued)
        }
        item.closedAt = now
        item.closedBy = actor
        item.decision = decision
        item.result = result?.isEmpty == true ? nil : result
        var walk = Walk(engine: self, instance: instance, now: now, decision: decision, after: id)
        walk.instance.update(item)
        for flow in definition.outgoing(item.nodeId) { try walk.enter(flow) }
        return walk.instance
    }

    /// One pass along the flows from a completed item (or the start), opening what it reaches.
    struct Walk {
        let engine: ProcessEngine
        var instance: ProcessInstance
        let now: Date
        let decision: String?
        let after: Int?
        var entered = 0

        mutating func enter(_ flow: ProcessFlow) throws(TransitionError) {
            // A sound process (ProcessRules) cannot loop without a step; this bound only stops a corrupt one.
            entered += 1
            guard entered <= engine.definition.flows.count, let node = engine.definition.node(flow.target) else {
                throw .processInvalid
            }
            switch node.kind {
            case .start, .end:
                return
            case .step(let unit, let role, let budget):
                open(node, agencyCode: engine.agencyCode, unit: unit, role: role, budget: budget, isHandOff: false)
            case .handOff(let agencyKind, _, let budget):
                guard let partner = engine.partners[agencyKind] else { throw .partnerMissing(agencyKind) }
                open(node, agencyCode: partner.agencyCode, unit: partner.name, role: .specialist, budget: budget,
                     isHandOff: true)
            case .exclusive(let defaultFlow):
                try enter(try choose(at: node, defaultFlow: defaultFlow))
            case .parallel:
                let incoming = engine.definition.incoming(node.id)
                if incoming.count > 1 {
                    var arrived = instance.arrivals[node.id] ?? []
                    if !arrived.contains(flow.id) { arrived.append(flow.id) }
                    guard Set(arrived).isSuperset(of: incoming.map(\.id)) else {
                        instance.arrivals[node.id] = arrived
                        return
                    }
                    instance.arrivals[node.id] = nil
                }
                for next in engine.definition.outgoing(node.id) { try enter(next) }
            }
        }

        /// The flow a choice takes: the only one, the one the officer decided, or the default when no decision
        /// was given.
        func choose(at node: ProcessNode, defaultFlow: String?) throws(TransitionError) -> ProcessFlow {
            let outgoing = engine.definition.outgoing(node.id)
            if outgoing.count == 1 { return outgoing[0] }
            var options: [String] { outgoing.compactMap(\.decision).sorted() }
            if let decision {
                guard let chosen = outgoing.first(where: { $0.decision == decision }) else {
                    throw .decisionUnknown(decision, options: options)
                }
                return chosen
            }
            guard let chosen = outgoing.first(where: { $0.id == defaultFlow }) else {
                throw .decisionRequired(options: options)
            }
            return chosen
        }

        mutating func open(_ node: ProcessNode, agencyCode: String, unit: String, role: OfficerRole,
                           budget: TimeBudget, isHandOff: Bool) {
            let clock = LegalClock(start: now, budget: budget, calendar: engine.calendar)
            var item = WorkItem(id: instance.items.count + 1, nodeId: node.id, name: node.name.isEmpty ? node.id : node.name,
                                agencyCode: agencyCode, unit: unit, role: role, isHandOff: isHandOff,
                                openedAfter: after, openedAt: now, clock: clock)
            item.warnAt = StepAlarm.warnAt(clockFrom: now, due: clock.due, calendar: engine.calendar)
            instance.items.append(item)
        }
    }
}

import Foundation

/// Quy tắc chuyển trạng thái hồ sơ — the one place where the one-stop rules decide what a transition does:
/// which statuses it may start from, who may take it, what it needs, how it moves the legal clock, and (through
/// the process engine) which work items it closes and opens.
public struct DossierWorkflow: Sendable {
    public let calendar: WorkingCalendar
    /// How many working days before the appointment an apology must be issued at the latest (◐ 1 by
    /// Circular 01/2018; kept in configuration so a province can correct it).
    public let apologyLeadWorkingDays: Int

    public init(calendar: WorkingCalendar, apologyLeadWorkingDays: Int = 1) {
        self.calendar = calendar
        self.apologyLeadWorkingDays = apologyLeadWorkingDays
    }

    /// The state of a dossier just received at `receivedAt` for a procedure with a legal allowance.
    public func received(at receivedAt: Date, budget: TimeBudget) -> DossierState {
        DossierState(status: .registered, clock: LegalClock(start: receivedAt, budget: budget, calendar: calendar))
    }

    /// The engine that runs a dossier's process.
    public func engine(for dossier: Dossier, definition: ProcessDefinition) -> ProcessEngine {
        ProcessEngine(definition: definition, calendar: calendar, agencyCode: dossier.agencyCode,
                      partners: dossier.process?.partners ?? [:])
    }

    /// What a transition did: the new state, and the work item it acted on (as it was chosen, before the change).
    public struct Outcome: Sendable {
        public let state: DossierState
        public let item: WorkItem?
    }

    /// Applies a transition, or throws the rule it breaks (the state is then unchanged).
    public func apply(_ request: TransitionRequest, to state: DossierState, engine: ProcessEngine,
                      budget: TimeBudget) throws(TransitionError) -> DossierState {
        try transition(request, from: state, engine: engine, budget: budget).state
    }

    /// Applies a transition and says which work item it acted on, or throws the rule it breaks.
    public func transition(_ request: TransitionRequest, from state: DossierState, engine: ProcessEngine,
                           budget: TimeBudget) throws(TransitionError) -> Outcome {
        let action = request.action
        guard action.allowedFrom.contains(state.status) else { throw .notAllowedFrom(state.status, action) }
        if action.needsReason && (request.reason ?? "").trimmed.isEmpty {
            throw .reasonRequired
        }
        if Self.isItemWork(action, in: state) {
            guard let work = state.work else { throw .notAllowedFrom(state.status, action) }
            let item = try WorkItemChoice(request: request, work: work).item
            return Outcome(state: try applyToItem(request, item: item, state: state, engine: engine), item: item)
        }
        guard !action.allowedRoles.isDisjoint(with: request.actorRoles) else { throw .roleRequired(action.allowedRoles) }
        var next = state
        next.version += 1
        let now = request.at
        switch action {
        case .accept:
            next.status = .accepted
            next.clock = LegalClock(start: now, budget: budget, calendar: calendar)
        case .refuse: end(&next, as: .refused, at: now)
        case .stop: end(&next, as: .stopped, at: now)
        case .withdraw: end(&next, as: .withdrawn, at: now)
        case .forward:
            next.status = .processing
            next.work = try engine.start(at: now, decision: request.decision)
        case .requestSupplement, .requestPayment:
            next.status = action == .requestSupplement ? .supplementRequested : .paymentDue
            if action == .requestSupplement { next.supplementRequests += 1 }
            next.clock.pause(at: now, calendar: calendar)
            next.work?.pause(at: now, calendar: calendar)
        case .supplied, .paid:
            next.status = state.work == nil ? .accepted : .processing
            next.clock.resume(at: now, calendar: calendar)
            next.work?.resume(at: now, calendar: calendar)
        case .extend:
            guard let newDue = request.newDue else { throw .newDueRequired }
            try checkExtension(at: now, currentDue: state.clock.due, newDue: newDue)
            next.clock.extend(to: newDue)
            next.extensions += 1
        case .returnResult:
            next.status = .returned
            next.returnedAt = now
        case .finish, .claim, .release, .assign:
            preconditionFailure("work on an item is applied by applyToItem")
        }
        return Outcome(state: next, item: nil)
    }

    /// Work on one item: completing it (forward, finish), taking it, putting it back, or giving it to someone.
    private func applyToItem(_ request: TransitionRequest, item: WorkItem, state: DossierState,
                             engine: ProcessEngine) throws(TransitionError) -> DossierState {
        guard let work = state.work else { throw .notAllowedFrom(state.status, request.action) }
        var next = state
        next.version += 1
        let now = request.at
        switch request.action {
        case .forward, .finish:
            guard state.status == .processing else { throw .notAllowedFrom(state.status, request.action) }
            let moved = try engine.complete(item.id, in: work, by: request.actor.username, at: now,
                                            decision: request.decision, result: request.result)
            if request.action == .forward && moved.isFinished { throw .noStepsLeft }
            if request.action == .finish && !moved.isFinished { throw .stepsRemaining(moved.openItems.count) }
            next.work = moved
            if moved.isFinished {
                next.status = .done
                next.endedAt = now
            }
        case .claim, .release, .assign:
            var held = item
            held.assignee = request.action == .claim ? request.actor.username
                : request.action == .assign ? request.assignee : nil
            next.work?.update(held)
        default:
            throw .notAllowedFrom(state.status, request.action)
        }
        return next
    }

    /// Ends processing early (refusal, stop, withdrawal): the clock stops for good at that moment.
    private func end(_ state: inout DossierState, as status: DossierStatus, at now: Date) {
        state.status = status
        state.clock.resume(at: now, calendar: calendar)
        state.endedAt = now
    }

    /// An apology is issued before the deadline, at least `apologyLeadWorkingDays` working days ahead, and
    /// names a later appointment. (Extension is not offered while the clock is paused: the appointment is open then.)
    private func checkExtension(at now: Date, currentDue: Date?, newDue: Date) throws(TransitionError) {
        guard let currentDue, newDue > currentDue else { throw .newDueNotLater }
        let dueDay = WorkingCalendar.local(currentDue).date
        let latest = calendar.workingDay(apologyLeadWorkingDays, before: dueDay)
        if now >= currentDue || WorkingCalendar.local(now).date > latest { throw .extensionTooLate(latest: latest) }
    }
}

extension DossierWorkflow {
    /// Forward during processing completes an item (before, it starts the process); finish, claim, release and
    /// assign always act on an item.
    public static func isItemWork(_ action: DossierAction, in state: DossierState) -> Bool {
        switch action {
        case .forward: state.status == .processing
        case .finish, .claim, .release, .assign: true
        default: false
        }
    }
}

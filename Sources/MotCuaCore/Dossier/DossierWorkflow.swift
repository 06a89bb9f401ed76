import Foundation

/// Quy tắc chuyển trạng thái hồ sơ — the one place where the one-stop rules decide what a transition does:
/// which statuses it may start from, who may take it, what it needs, and how it moves the legal clock.
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

    /// Applies a transition, or throws the rule it breaks (the state is then unchanged).
    public func apply(_ request: TransitionRequest, to state: DossierState, steps: [ProcessStep],
                      budget: TimeBudget) throws(TransitionError) -> DossierState {
        let action = request.action
        guard action.allowedFrom.contains(state.status) else { throw .notAllowedFrom(state.status, action) }
        let allowed = requiredRoles(for: action, state: state, steps: steps)
        guard !allowed.isDisjoint(with: request.actorRoles) else { throw .roleRequired(allowed) }
        if action.needsReason && (request.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .reasonRequired
        }
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
            let nextIndex = (state.stepIndex ?? -1) + 1
            guard nextIndex < steps.count else { throw .noStepsLeft }
            next.status = .processing
            next.stepIndex = nextIndex
            next.stepStartedAt = now
            next.stepDue = calendar.due(from: now, budget: steps[nextIndex].budget)
        case .requestSupplement, .requestPayment:
            next.status = action == .requestSupplement ? .supplementRequested : .paymentDue
            if action == .requestSupplement { next.supplementRequests += 1 }
            next.clock.pause(at: now, calendar: calendar)
        case .supplied, .paid:
            next.status = state.stepIndex == nil ? .accepted : .processing
            next.clock.resume(at: now, calendar: calendar)
            if let stepIndex = state.stepIndex, stepIndex < steps.count {
                next.stepStartedAt = now
                next.stepDue = calendar.due(from: now, budget: steps[stepIndex].budget)
            }
        case .extend:
            guard let newDue = request.newDue else { throw .newDueRequired }
            try checkExtension(at: now, currentDue: state.clock.due, newDue: newDue)
            next.clock.extend(to: newDue)
            next.extensions += 1
        case .finish:
            let remaining = steps.count - 1 - (state.stepIndex ?? -1)
            guard remaining <= 0 else { throw .stepsRemaining(remaining) }
            next.status = .done
            next.endedAt = now
            next.stepDue = nil
        case .returnResult:
            next.status = .returned
            next.returnedAt = now
        }
        return next
    }

    /// Ends processing early (refusal, stop, withdrawal): the clock stops for good at that moment.
    private func end(_ state: inout DossierState, as status: DossierStatus, at now: Date) {
        state.status = status
        state.clock.resume(at: now, calendar: calendar)
        state.endedAt = now
        state.stepDue = nil
    }

    /// The roles that may act: the action's roles, narrowed to the current step's role for step work.
    private func requiredRoles(for action: DossierAction, state: DossierState, steps: [ProcessStep]) -> Set<OfficerRole> {
        guard action == .forward || action == .finish, let index = state.stepIndex, index < steps.count else {
            return action.allowedRoles
        }
        return [steps[index].role]
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

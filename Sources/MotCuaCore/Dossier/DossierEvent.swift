import Foundation

/// Nhật ký xử lý — one append-only record of a transition: who did what, when, from which status to which, on
/// which work item, and why. Forms 02–07, notifications and the on-time statistics are read from these.
public struct DossierEvent: Hashable, Sendable, Codable {
    public let sequence: Int
    /// `nhan-ho-so` (`DossierEvent.intake`) for the intake, a `StepAlarm` code for the SLA watch, otherwise the
    /// action's code.
    public let action: String
    public let actor: String
    public let at: Date
    public let fromStatus: DossierStatus?
    public let toStatus: DossierStatus
    /// The work item acted on (or warned about).
    public let workItem: Int?
    /// The decision taken at a choice, when the item was completed.
    public let decision: String?
    /// The officer who holds the item after the event (for claim, assignment and the SLA watch's events).
    public let assignee: String?
    public let reason: String?
    /// The appointment after the event (nil while the clock is paused).
    public let dueAfter: Date?
    /// The current step's own deadline after the event (nil outside the internal process).
    public let stepDueAfter: Date?

    public static let intake = "nhan-ho-so"
    /// The actor of events the system records by itself (the SLA watch).
    public static let system = "he-thong"

    public init(sequence: Int, action: String, actor: String, at: Date, fromStatus: DossierStatus?,
                toStatus: DossierStatus, reason: String?, dueAfter: Date?, stepDueAfter: Date? = nil,
                workItem: Int? = nil, decision: String? = nil, assignee: String? = nil) {
        self.sequence = sequence
        self.action = action
        self.actor = actor
        self.at = at
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.workItem = workItem
        self.decision = decision
        self.assignee = assignee
        self.reason = reason
        self.dueAfter = dueAfter
        self.stepDueAfter = stepDueAfter
    }
}

extension DossierEvent {
    /// The event of a change from `before` to `after`: numbered by the new version, with the statuses, the
    /// appointment and the nearest step deadline after it (or the deadline of the one item an alarm is about),
    /// and the item acted on with its holder afterwards.
    public init(_ action: String, by actor: String, at instant: Date, from before: DossierState?, to after: DossierState,
                reason: String? = nil, item: WorkItem? = nil, decision: String? = nil, stepDue: Date? = nil) {
        self.init(sequence: after.version, action: action, actor: actor, at: instant, fromStatus: before?.status,
                  toStatus: after.status, reason: reason, dueAfter: after.clock.due, stepDueAfter: stepDue ?? after.stepDue,
                  workItem: item?.id, decision: decision, assignee: item.flatMap { after.work?.item($0.id)?.assignee })
    }
}

import Foundation

/// Nhật ký xử lý — one append-only record of a transition: who did what, when, from which status and step
/// to which, and why. Forms 02–07 and the on-time statistics are read from these.
public struct DossierEvent: Hashable, Sendable, Codable {
    public let sequence: Int
    /// `nhan-ho-so` (`DossierEvent.intake`) for the intake itself, otherwise the action's code.
    public let action: String
    public let actor: String
    public let at: Date
    public let fromStatus: DossierStatus?
    public let toStatus: DossierStatus
    public let fromStep: Int?
    public let toStep: Int?
    public let reason: String?
    /// The appointment after the event (nil while the clock is paused).
    public let dueAfter: Date?
    /// The current step's own deadline after the event (nil outside the internal process).
    public let stepDueAfter: Date?

    public static let intake = "nhan-ho-so"

    public init(sequence: Int, action: String, actor: String, at: Date, fromStatus: DossierStatus?,
                toStatus: DossierStatus, fromStep: Int?, toStep: Int?, reason: String?, dueAfter: Date?,
                stepDueAfter: Date? = nil) {
        self.sequence = sequence
        self.action = action
        self.actor = actor
        self.at = at
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.fromStep = fromStep
        self.toStep = toStep
        self.reason = reason
        self.dueAfter = dueAfter
        self.stepDueAfter = stepDueAfter
    }
}

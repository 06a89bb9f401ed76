import Foundation

/// Tình trạng xử lý hồ sơ — the part of a dossier that transitions change: status, step, legal clock, counts.
/// `version` grows by one with each transition (optimistic concurrency).
public struct DossierState: Hashable, Sendable, Codable {
    public var status: DossierStatus
    public var clock: LegalClock
    /// Phiên xử lý — the internal process, once processing has started: its work items, open and closed.
    public var work: ProcessInstance?
    public var supplementRequests: Int
    public var extensions: Int
    /// Thời điểm kết thúc xử lý — the first of done, returned, refused, stopped or withdrawn.
    public var endedAt: Date?
    public var returnedAt: Date?
    public var version: Int

    public init(status: DossierStatus, clock: LegalClock, version: Int = 1) {
        self.status = status
        self.clock = clock
        self.supplementRequests = 0
        self.extensions = 0
        self.version = version
    }

    /// The nearest step deadline among the open work items (nil outside the internal process).
    public var stepDue: Date? { status.endsProcessing ? nil : work?.earliestDue }

    /// A second supplement request counts the dossier as late (national scoring rule).
    public var lateBySecondSupplement: Bool { supplementRequests >= 2 }

    /// Whether another agency's part of an interlinked filing (a hand-off) was late: the whole is on time only
    /// if every hand-off is.
    public var lateByHandOff: Bool {
        work?.items.contains { $0.isHandOff && $0.timeliness == .late } ?? false
    }

    /// The verdict once processing has ended; nil while it goes on.
    public var timeliness: Timeliness? {
        guard let endedAt, let due = clock.due else { return nil }
        return Timeliness.verdict(end: endedAt, due: due,
                                  countedLate: lateBySecondSupplement || lateByHandOff)
    }
}

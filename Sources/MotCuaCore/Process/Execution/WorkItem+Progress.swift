import Foundation

extension WorkItem {
    /// Tiến độ công việc — the fields of a work item that change after it is opened: who holds it, its clock, its
    /// alarms and how it ended. A step's patch carries this much of each item it changed (`DossierStatePatch`).
    public struct Progress: Hashable, Sendable, Codable {
        public let id: Int
        public let assignee: String?
        public let clock: LegalClock
        public let warnAt: Date?
        public let warnedAt: Date?
        public let escalatedAt: Date?
        public let closedAt: Date?
        public let closedBy: String?
        public let decision: String?
        public let result: String?

        public init(of item: WorkItem) {
            id = item.id
            assignee = item.assignee
            clock = item.clock
            warnAt = item.warnAt
            warnedAt = item.warnedAt
            escalatedAt = item.escalatedAt
            closedAt = item.closedAt
            closedBy = item.closedBy
            decision = item.decision
            result = item.result
        }
    }

    /// Takes on `progress`: every field it holds, as it holds it.
    public mutating func record(_ progress: Progress) {
        assignee = progress.assignee
        clock = progress.clock
        warnAt = progress.warnAt
        warnedAt = progress.warnedAt
        escalatedAt = progress.escalatedAt
        closedAt = progress.closedAt
        closedBy = progress.closedBy
        decision = progress.decision
        result = progress.result
    }

    /// Whether `other` was opened as this item was: the same in every field but those `Progress` holds.
    public func isSameOpening(as other: WorkItem) -> Bool {
        id == other.id && nodeId == other.nodeId && name == other.name && agencyCode == other.agencyCode
            && unit == other.unit && role == other.role && isHandOff == other.isHandOff
            && openedAfter == other.openedAfter && openedAt == other.openedAt
    }
}

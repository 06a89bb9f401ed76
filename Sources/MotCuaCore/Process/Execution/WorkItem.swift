import Foundation

/// Công việc — one step (or one hand-off to another agency) of one dossier's process: the unit and role that
/// must do it, the officer holding it (or nobody: it waits in the unit's queue), its own clock, and how it ended.
public struct WorkItem: Hashable, Sendable, Codable {
    /// Numbered from 1 within the dossier, in the order the items were opened.
    public let id: Int
    /// The process node the item does (a step or a hand-off).
    public let nodeId: String
    public let name: String
    /// The agency whose officers do the item: the deciding agency, or the partner of a hand-off (liên thông).
    public let agencyCode: String
    public let unit: String
    public let role: OfficerRole
    /// Whether the item is another agency's part of an interlinked procedure (liên thông).
    public let isHandOff: Bool
    /// The item whose completion opened this one; nil when the process started here.
    public let openedAfter: Int?
    public let openedAt: Date
    /// Người xử lý — the officer holding the item; nil while it waits in the unit's queue.
    public var assignee: String?
    /// The step's own clock: its budget counted in working time from the opening, paused with the dossier.
    public var clock: LegalClock
    /// When the SLA watch should warn that the step nears its deadline (a quarter of its time left).
    public var warnAt: Date?
    public var warnedAt: Date?
    public var escalatedAt: Date?
    public var closedAt: Date?
    public var closedBy: String?
    /// Quyết định — the outcome chosen when the item was completed (it picks the way at a choice).
    public var decision: String?
    /// Kết quả — for a hand-off, what the partner agency issued (e.g. the number of the health-insurance card).
    public var result: String?

    public init(id: Int, nodeId: String, name: String, agencyCode: String, unit: String, role: OfficerRole,
                isHandOff: Bool, openedAfter: Int?, openedAt: Date, clock: LegalClock) {
        self.id = id
        self.nodeId = nodeId
        self.name = name
        self.agencyCode = agencyCode
        self.unit = unit
        self.role = role
        self.isHandOff = isHandOff
        self.openedAfter = openedAfter
        self.openedAt = openedAt
        self.clock = clock
    }

    public var isOpen: Bool { closedAt == nil }

    /// How the holder kept the step's own deadline, once the item is closed.
    public var timeliness: Timeliness? {
        guard let closedAt, let due = clock.due else { return nil }
        return Timeliness.verdict(end: closedAt, due: due)
    }
}

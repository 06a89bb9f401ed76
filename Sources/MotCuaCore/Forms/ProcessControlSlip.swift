import Foundation

/// Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-off of the dossier between units (and,
/// for interlinked procedures, between agencies), with the time, who handed it on, and whether the unit that
/// held it kept to its step's own deadline. Read from the dossier's work items and events.
public struct ProcessControlSlip: Hashable, Sendable, Codable {
    /// One hand-off: the giving unit, the receiving one, when, and the giver's verdict.
    public struct HandOff: Hashable, Sendable, Codable {
        public let number: Int
        public let fromUnit: String
        public let toUnit: String
        public let at: Date
        public let by: String
        /// The giving unit's deadline for its step, and how it kept it (nil where the unit had no step budget).
        public let due: Date?
        public let timeliness: Timeliness?
        public let note: String?
    }

    public let header: FormHeader
    public let receivedAt: Date
    public let returnAt: Date?
    public let handOffs: [HandOff]
    /// The units holding the dossier now, with the nearest step deadline (nil once processing has ended).
    public let heldBy: String?
    public let heldDue: Date?

    /// Where a dossier goes when it leaves the internal process.
    static let applicant = "Tổ chức, cá nhân"
    static let ended = "Kết thúc xử lý"
    static let awaitingBranches = "Chờ các nhánh song song hoàn thành"

    public init(_ record: DossierRecord) {
        let desk = "Bộ phận Một cửa – \(record.receivingAgencyName)"
        let state = record.dossier.state
        let items = state.work?.items ?? []
        func units(openedAfter id: Int?) -> String? {
            var seen: Set<String> = []
            let opened = items.filter { $0.openedAfter == id }.map(\.unit).filter { seen.insert($0).inserted }
            return opened.isEmpty ? nil : opened.joined(separator: "; ")
        }
        func officer(_ username: String?) -> String { username.map(record.officerName) ?? "" }
        var rows: [(at: Date, order: Int, row: HandOff)] = []
        func add(_ order: Int, from: String, to: String, at: Date, by: String?, due: Date? = nil,
                 timeliness: Timeliness? = nil, notes: [String] = []) {
            let note = notes.joined(separator: "; ")
            rows.append((at, order, HandOff(number: 0, fromUnit: from, toUnit: to, at: at, by: officer(by), due: due,
                                            timeliness: timeliness, note: note.isEmpty ? nil : note)))
        }
        let lastClosed = items.filter { !$0.isOpen }.max {
            ($0.closedAt ?? .distantPast, $0.id) < ($1.closedAt ?? .distantPast, $1.id)
        }
        for event in record.events {
            guard let action = DossierAction(rawValue: event.action) else { continue }
            switch action {
            case .forward where event.fromStatus == .accepted:
                add(0, from: desk, to: units(openedAfter: nil) ?? desk, at: event.at, by: event.actor)
            case .returnResult:
                add(2, from: desk, to: Self.applicant, at: event.at, by: event.actor, timeliness: state.timeliness)
            case .refuse, .stop, .withdraw:
                // Whoever held the dossier is judged by their own step deadline at the moment it ended.
                let holders = items.filter { $0.openedAt <= event.at && ($0.closedAt ?? .distantFuture) > event.at }
                let due = holders.compactMap(\.clock.due).min()
                add(2, from: holders.isEmpty ? desk : holders.map(\.unit).joined(separator: "; "), to: Self.ended,
                    at: event.at, by: event.actor, due: due, timeliness: due.map { Timeliness.verdict(end: event.at, due: $0) },
                    notes: event.reason.map { [$0] } ?? [])
            default:
                continue
            }
        }
        for item in items {
            guard let closedAt = item.closedAt else { continue }
            let finishedHere = state.work?.isFinished == true && item.id == lastClosed?.id
            let next = units(openedAfter: item.id) ?? (finishedHere ? desk : Self.awaitingBranches)
            add(1, from: item.unit, to: next, at: closedAt, by: item.closedBy, due: item.clock.due,
                timeliness: item.timeliness, notes: Self.notes(for: item, in: record.events))
        }
        header = FormHeader(record)
        receivedAt = record.dossier.receivedAt
        returnAt = state.clock.due
        handOffs = rows.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.enumerated().map { index, entry in
            let row = entry.row
            return HandOff(number: index + 1, fromUnit: row.fromUnit, toUnit: row.toUnit, at: row.at, by: row.by,
                           due: row.due, timeliness: row.timeliness, note: row.note)
        }
        // Before the process starts and after it finishes, the dossier is at the desk.
        let open = state.endedAt == nil ? items.filter(\.isOpen) : []
        heldBy = state.endedAt != nil ? nil : open.isEmpty ? desk : open.map(\.unit).joined(separator: "; ")
        heldDue = open.compactMap(\.clock.due).min()
    }

    /// What happened while the item was open and belongs on its row: requests to the applicant, the decision,
    /// and, for a hand-off, the partner's result.
    static func notes(for item: WorkItem, in events: [DossierEvent]) -> [String] {
        var notes: [String] = []
        for event in events where event.at >= item.openedAt && event.at <= (item.closedAt ?? .distantFuture) {
            guard let action = DossierAction(rawValue: event.action),
                  action == .requestSupplement || action == .requestPayment else { continue }
            notes.append("\(action.vietnameseName) lúc \(WorkingCalendar.vietnamese(event.at))"
                + (event.reason.map { ": \($0)" } ?? ""))
        }
        if let decision = item.decision { notes.append("Quyết định: \(decision)") }
        if let result = item.result { notes.append("Kết quả: \(result)") }
        return notes
    }
}

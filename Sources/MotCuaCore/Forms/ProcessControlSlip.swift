import Foundation

/// Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-off of the dossier between units,
/// with the time, who handed it on, and whether the unit that held it kept to its step's own deadline.
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
    /// The unit holding the dossier now, with its step deadline (nil once processing has ended).
    public let heldBy: String?
    public let heldDue: Date?

    /// Where a dossier goes when it leaves the internal process.
    static let applicant = "Tổ chức, cá nhân"
    static let ended = "Kết thúc xử lý"

    public init(_ record: DossierRecord) {
        let desk = "Bộ phận Một cửa – \(record.receivingAgencyName)"
        let steps = record.procedure.steps
        var rows: [HandOff] = []
        var holder = desk
        var holderDue: Date?
        var pendingNote: String?
        func handOff(to unit: String, _ event: DossierEvent, verdict: Timeliness? = nil) {
            let kept = verdict ?? holderDue.map { Timeliness.verdict(end: event.at, due: $0) }
            let note = [pendingNote, event.reason].compactMap { $0 }.joined(separator: "; ")
            rows.append(HandOff(number: rows.count + 1, fromUnit: holder, toUnit: unit, at: event.at,
                                by: record.officerName(event.actor), due: holderDue, timeliness: kept,
                                note: note.isEmpty ? nil : note))
            pendingNote = nil
            holder = unit
        }
        for event in record.events {
            guard let action = DossierAction(rawValue: event.action) else { continue }
            switch action {
            case .forward:
                let unit = event.toStep.flatMap { steps.indices.contains($0) ? steps[$0].unit : nil } ?? holder
                handOff(to: unit, event)
                holderDue = event.stepDueAfter
            case .requestSupplement, .requestPayment:
                pendingNote = "\(action.vietnameseName) lúc \(WorkingCalendar.vietnamese(event.at))"
                    + (event.reason.map { ": \($0)" } ?? "")
            case .supplied, .paid:
                // The step's own time starts again once the applicant has done their part.
                if let restarted = event.stepDueAfter { holderDue = restarted }
            case .finish:
                handOff(to: desk, event)
                holderDue = nil
            case .returnResult:
                handOff(to: Self.applicant, event, verdict: record.dossier.state.timeliness)
                holderDue = nil
            case .refuse, .stop, .withdraw:
                handOff(to: Self.ended, event)
                holderDue = nil
            case .accept, .extend:
                continue
            }
        }
        header = FormHeader(record)
        receivedAt = record.dossier.receivedAt
        returnAt = record.dossier.state.clock.due
        handOffs = rows
        let open = record.dossier.state.endedAt == nil
        heldBy = open ? holder : nil
        heldDue = open ? holderDue : nil
    }
}

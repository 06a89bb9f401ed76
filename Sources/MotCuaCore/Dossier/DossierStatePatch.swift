import Foundation

/// Phần thay đổi của một bước — what one step changed in a dossier's state, small enough to append as the step's own
/// record: the state's fields as the step left them and, of its process, only the work items the step opened or
/// changed (whole, by id) and the joins' arrivals when they changed. Applied to the state before the step it gives
/// the state after it exactly, with no rule worked out again, so a dossier read back from its steps does not depend
/// on the calendar, the catalogue or the process as they are when it is read (docs/STEP-JOURNAL.md).
public struct DossierStatePatch: Hashable, Sendable, Codable {
    public let status: DossierStatus
    public let clock: LegalClock
    public let supplementRequests: Int
    public let extensions: Int
    public let endedAt: Date?
    public let returnedAt: Date?
    public let version: Int
    /// The process's part; nil when the dossier has no process after the step.
    public let work: Work?

    /// Phần thay đổi của phiên xử lý — the work items a step opened or changed, and the arrivals if they changed.
    public struct Work: Hashable, Sendable, Codable {
        /// The joins' arrivals after the step; nil when the step left them as they were.
        public let arrivals: [String: [String]]?
        /// The items the step opened or changed, as it left them; every item when `whole`.
        public let items: [WorkItem]
        /// Whether `items` is the whole list: the step did more than change items and add new ones after them.
        public let whole: Bool
    }

    /// What took the state from `before` (nil: from nothing, as at intake) to `after`.
    public init(from before: DossierState?, to after: DossierState) {
        status = after.status
        clock = after.clock
        supplementRequests = after.supplementRequests
        extensions = after.extensions
        endedAt = after.endedAt
        returnedAt = after.returnedAt
        version = after.version
        work = after.work.map { Work(from: before?.work, to: $0) }
    }

    /// The state after the step, from the state before it.
    public func applied(to before: DossierState?) -> DossierState {
        var state = DossierState(status: status, clock: clock, version: version)
        state.supplementRequests = supplementRequests
        state.extensions = extensions
        state.endedAt = endedAt
        state.returnedAt = returnedAt
        state.work = work.map { $0.applied(to: before?.work) }
        return state
    }
}

extension DossierStatePatch.Work {
    init(from before: ProcessInstance?, to after: ProcessInstance) {
        let old = before?.items ?? []
        let kept = old.count <= after.items.count && zip(old, after.items).allSatisfy { $0.id == $1.id }
        whole = !kept
        items = kept ? zip(old, after.items).filter { $0 != $1 }.map(\.1) + after.items.dropFirst(old.count)
                     : after.items
        arrivals = after.arrivals == (before?.arrivals ?? [:]) ? nil : after.arrivals
    }

    func applied(to before: ProcessInstance?) -> ProcessInstance {
        var instance = whole ? ProcessInstance() : (before ?? ProcessInstance())
        for item in items {
            if let index = instance.items.firstIndex(where: { $0.id == item.id }) {
                instance.items[index] = item
            } else {
                instance.items.append(item)
            }
        }
        instance.arrivals = arrivals ?? before?.arrivals ?? [:]
        return instance
    }
}

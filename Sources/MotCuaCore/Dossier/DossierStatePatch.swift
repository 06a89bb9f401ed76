import Foundation

/// Phần thay đổi của một bước — what one step changed in a dossier's state, small enough to append as the step's own
/// record: the state's fields as the step left them and, of its process, only the items the step opened (whole), the
/// progress of those it changed, and the joins' arrivals when they changed. Applied to the state before the step it gives
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
        /// The items already open or closed before the step that it changed: their progress after it.
        public let changed: [WorkItem.Progress]
        /// The items the step opened, whole, in order.
        public let opened: [WorkItem]
        /// Every item after the step, when it did more than change items and open new ones after them (`changed` and
        /// `opened` are then empty); nil otherwise.
        public let whole: [WorkItem]?
    }

    /// Patch không khớp — a patch applied to a state it was not made from: an item it changes is not there.
    public struct Mismatch: Error, Hashable {
        public let itemId: Int
    }

    /// Các bước không liền nhau — a patch, in a run of them, that does not follow the state before it: it makes
    /// another version than the next, or changes an item that state lacks.
    public struct DoesNotFollow: Error, Hashable {
        public let version: Int
    }

    /// The state `patches` leave, each applied in order to the state the one before left, from `start` (nil: from
    /// nothing, as from intake); each must make the version after the one before it.
    public static func state(after patches: some Sequence<DossierStatePatch>,
                             from start: DossierState?) throws(DoesNotFollow) -> DossierState? {
        var state = start
        for patch in patches {
            guard patch.version == (state?.version ?? 0) + 1 else { throw DoesNotFollow(version: patch.version) }
            do {
                state = try patch.applied(to: state)
            } catch {
                throw DoesNotFollow(version: patch.version)
            }
        }
        return state
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
    public func applied(to before: DossierState?) throws(Mismatch) -> DossierState {
        var state = DossierState(status: status, clock: clock, version: version)
        state.supplementRequests = supplementRequests
        state.extensions = extensions
        state.endedAt = endedAt
        state.returnedAt = returnedAt
        state.work = try work.map { work throws(Mismatch) in try work.applied(to: before?.work) }
        return state
    }
}

extension DossierStatePatch.Work {
    init(from before: ProcessInstance?, to after: ProcessInstance) {
        let old = before?.items ?? []
        if old.count <= after.items.count, zip(old, after.items).allSatisfy({ $0.isSameOpening(as: $1) }) {
            changed = zip(old, after.items).compactMap { old, new in
                let progress = WorkItem.Progress(of: new)
                return progress == WorkItem.Progress(of: old) ? nil : progress
            }
            opened = Array(after.items.dropFirst(old.count))
            whole = nil
        } else {
            (changed, opened, whole) = ([], [], after.items)
        }
        arrivals = after.arrivals == (before?.arrivals ?? [:]) ? nil : after.arrivals
    }

    func applied(to before: ProcessInstance?) throws(DossierStatePatch.Mismatch) -> ProcessInstance {
        var instance = before ?? ProcessInstance()
        if let whole {
            instance.items = whole
        } else {
            for progress in changed {
                guard let index = instance.items.firstIndex(where: { $0.id == progress.id }) else {
                    throw DossierStatePatch.Mismatch(itemId: progress.id)
                }
                instance.items[index].record(progress)
            }
            instance.items += opened
        }
        instance.arrivals = arrivals ?? before?.arrivals ?? [:]
        return instance
    }
}

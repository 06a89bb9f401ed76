import Foundation

/// Phiên xử lý — a dossier's run through its internal process: every work item opened so far (the open ones
/// are where the dossier is now; the closed ones are its history and form 06), and, for each parallel join, the
/// branches that have already arrived.
public struct ProcessInstance: Hashable, Sendable, Codable {
    public var items: [WorkItem]
    /// Nhánh đã về — incoming flow ids that reached each parallel join, until all have.
    public var arrivals: [String: [String]]

    public init(items: [WorkItem] = [], arrivals: [String: [String]] = [:]) {
        self.items = items
        self.arrivals = arrivals
    }

    public var openItems: [WorkItem] { Array(openItemsInPlace) }

    /// The open items — where the dossier is now — read from `items` as they are, no array made: what the engine
    /// asks of them at every step.
    public var openItemsInPlace: LazyFilterSequence<[WorkItem]> { items.lazy.filter(\.isOpen) }

    /// Whether the process has run to its end: started, and no item left open.
    public var isFinished: Bool { !items.isEmpty && openItemsInPlace.isEmpty }

    /// The earliest deadline among the open items (nil while every open clock is paused).
    public var earliestDue: Date? { openItemsInPlace.compactMap(\.clock.due).min() }

    public func item(_ id: Int) -> WorkItem? { items.first { $0.id == id } }

    /// Stops every open item's clock (the applicant has been asked for something).
    public mutating func pause(at instant: Date, calendar: WorkingCalendar) {
        for index in items.indices where items[index].isOpen {
            items[index].clock.pause(at: instant, calendar: calendar)
            items[index].warnAt = nil
        }
    }

    /// Restarts every open item's clock with the working time it had left.
    public mutating func resume(at instant: Date, calendar: WorkingCalendar) {
        for index in items.indices where items[index].isOpen {
            items[index].clock.resume(at: instant, calendar: calendar)
            if items[index].warnedAt == nil {
                items[index].warnAt = StepAlarm.warnAt(clockFrom: instant, due: items[index].clock.due, calendar: calendar)
            }
        }
    }

    public mutating func update(_ item: WorkItem) {
        if let index = items.firstIndex(where: { $0.id == item.id }) { items[index] = item }
    }
}

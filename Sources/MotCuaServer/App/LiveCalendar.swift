import Foundation
import Logging
import MotCuaCore
import MotCuaStore
import ServiceLifecycle
import Synchronization

/// Lịch làm việc đang áp dụng — the province's working calendar as this server uses it, read from the
/// announced days in the database: read again at once after the control office changes it here, and every
/// `refresh` interval (`LiveCalendar.Refresh`) so that every server on one database follows a change made on another.
/// Deadlines already counted keep the calendar they were counted with.
final class LiveCalendar: Sendable {
    private let calendar: Mutex<WorkingCalendar>
    let store: CalendarStore
    private let hours: WorkingHours

    private init(_ calendar: WorkingCalendar, store: CalendarStore, hours: WorkingHours) {
        self.calendar = Mutex(calendar)
        self.store = store
        self.hours = hours
    }

    /// The calendar as stored now.
    static func load(_ config: AppConfig, database: Database) async throws -> LiveCalendar {
        let store = CalendarStore(database: database, province: config.province)
        return LiveCalendar(try await read(store, hours: config.workingHours), store: store, hours: config.workingHours)
    }

    var current: WorkingCalendar { calendar.withLock { $0 } }

    /// Reads the announced days again and uses them from now on.
    func reload() async throws {
        let fresh = try await Self.read(store, hours: hours)
        calendar.withLock { $0 = fresh }
    }

    private static func read(_ store: CalendarStore, hours: WorkingHours) async throws -> WorkingCalendar {
        WorkingCalendar(holidays: HolidayCalendar(announcements: try await store.announcedDays()), hours: hours)
    }

    /// Đọc lại lịch định kỳ — the background reload; a failed read is logged and the calendar in use kept.
    struct Refresh: Service {
        let calendar: LiveCalendar
        let interval: Duration
        let logger: Logger

        func run() async throws {
            await Periodically.run(every: interval, job: "Không đọc lại được lịch nghỉ", logger: logger) { try await calendar.reload() }
        }
    }
}

import Foundation
import Logging
import MotCuaStore
import ServiceLifecycle

/// Dọn dữ liệu hết thời hạn lưu — every hour, removes what the retention period no longer allows MotCua to keep
/// (`RetentionStore`: unfiled drafts untouched for `retentionDays`, expired sessions) and then the uploaded files
/// nothing refers to any more and older than that period (so a file uploaded a moment ago, whose draft is being
/// saved, is never taken). Safe on several servers at once: each removal is idempotent.
struct RetentionSweep: Service {
    let database: Database
    let files: FileStore
    let retentionDays: Int
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    func run() async throws {
        await Periodically.run(every: interval, job: "Dọn dữ liệu hết thời hạn lưu", logger: logger) { try await sweepOnce() }
    }

    /// One sweep: rows first, then the files they no longer refer to.
    func sweepOnce() async throws {
        let cutoff = now().addingTimeInterval(-Double(retentionDays) * 86_400)
        let store = RetentionStore(database: database)
        let swept = try await store.sweep(draftsUnchangedSince: cutoff, now: now())
        let removed = try await files.removeUnreferenced(keeping: try await store.referencedFiles(), olderThan: cutoff)
        if swept.drafts + removed > 0 {
            logger.info("Đã xóa \(swept.drafts) bản nháp và \(removed) tệp quá \(retentionDays) ngày")
        }
    }
}

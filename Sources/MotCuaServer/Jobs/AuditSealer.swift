import Foundation
import Logging
import MotCuaStore
import ServiceLifecycle

/// Niêm phong nhật ký — every `interval`, seals the acts kept since the last time into the audit trail's chain
/// (`AuditLog.seal`), and once more when the server stops. Safe on several servers at once: the sealers take turns
/// on the chain's head.
struct AuditSealer: Service {
    let audit: AuditLog
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let job = "Niêm phong nhật ký kiểm toán"
        await Periodically.run(every: interval, job: job, logger: logger) { try await audit.seal() }
        do { try await audit.seal() } catch { logger.error("\(job): \(LoggedError.text(error))") }
    }
}

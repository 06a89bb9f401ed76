import Logging
import MotCuaStore
import ServiceLifecycle

/// Việc định kỳ — how the server's background jobs run: `work` now and then every `interval`, until the server
/// stops gracefully; a failed run is logged under `job` and the next one comes as planned.
enum Periodically {
    static func run(every interval: Duration, job: String, logger: Logger, _ work: @Sendable () async throws -> Void) async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await work()
            } catch {
                logger.error("\(job): \(LoggedError.text(error))")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

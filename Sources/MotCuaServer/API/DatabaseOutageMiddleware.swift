import Hummingbird
import Logging
import MotCuaStore

/// Cơ sở dữ liệu gián đoạn — a request that fails because the database cannot be reached just now (`DatabaseOutage`)
/// is answered 503 with a time to retry (`Problem.databaseUnavailable`), not 500, and the cause is logged; the server
/// itself stays up and serves again as soon as the database does. (The pages show the same problem as a page.)
struct DatabaseOutageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw Problem.outage(error, logger: context.logger) ?? error
        }
    }
}

extension Problem {
    /// `databaseUnavailable` for an error that says the database cannot be reached just now, its cause logged; nil
    /// for any other error.
    static func outage(_ error: any Error, logger: Logger) -> Problem? {
        guard DatabaseOutage.isOutage(error) else { return nil }
        logger.warning("the database cannot be reached: \(LoggedError.text(error))")
        return .databaseUnavailable
    }
}

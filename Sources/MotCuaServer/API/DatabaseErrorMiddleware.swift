import Hummingbird
import Logging
import MotCuaStore

/// Lỗi cơ sở dữ liệu — a request that fails at the database for no fault of the server's is answered as such, not
/// with 500 (the pages show the same problem as a page):
/// - the database cannot be reached just now (`DatabaseOutage`): 503 with a time to retry
///   (`Problem.databaseUnavailable`), the cause logged (`OutageLog`, at most a line every few seconds); the server
///   itself stays up and serves again as soon as the database does. The database not answering by the request's
///   deadline (`AnswerDeadline`, from `answerWithin`) is one of these;
/// - the database refused a text the request sent (`UnstorableText`): 400 (`Problem.unstorableText`). A query
///   parameter holding the character it refuses (U+0000, `%00`) is refused first, 422 naming the parameter, as a
///   body's field is where it is decoded (`APICoding`) and a posted form's where it is read (`FormFields`).
struct DatabaseErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let outages: OutageLog
    /// How long a request lets the database take (`AnswerDeadline`).
    let answerWithin: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.query?.contains("%00") == true { try Problem.refuseNUL(in: request.uri.queryParameters) }
        do {
            return try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: answerWithin)) { try await next(request, context) }
        } catch {
            if UnstorableText.isUnstorableText(error) { throw Problem.unstorableText }
            throw Problem.outage(error, log: outages, logger: context.logger) ?? error
        }
    }
}

extension Problem {
    /// `databaseUnavailable` for an error that says the database cannot be reached just now, its cause told to
    /// `log`; nil for any other error.
    static func outage(_ error: any Error, log: OutageLog, logger: Logger) -> Problem? {
        guard DatabaseOutage.isOutage(error) else { return nil }
        log.refused(because: error, logger: logger)
        return .databaseUnavailable
    }
}

import PostgresNIO

/// Lỗi trong nhật ký — an error as the server's log shows it. For PostgreSQL that is its code, SQLSTATE and message and
/// the connection error under it, but not the query PostgresNIO attaches: its values (an applicant's name and
/// address) do not belong in a log, and PostgresNIO's own short description says nothing at all.
public enum LoggedError {
    public static func text(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        var parts = ["PostgreSQL \(error.code)"]
        if let state = error.serverInfo?[.sqlState] { parts.append(state) }
        if let message = error.serverInfo?[.message] { parts.append(message) }
        if let underlying = error.underlying { parts.append(String(describing: underlying)) }
        return parts.joined(separator: ": ")
    }
}

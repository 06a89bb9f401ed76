import PostgresNIO

/// Văn bản không lưu được — an error that says the database refused a text sent to it: PostgreSQL's text columns
/// cannot hold the character U+0000 (SQLSTATE 22021, "invalid byte sequence for encoding UTF8: 0x00"), which SQLite
/// keeps. The request's own fields are checked where they are read, naming the field; this is what the server
/// answers, as the client's fault (400) and not its own (500), for a text that came in some other way.
public enum UnstorableText {
    /// Whether `error` is the database refusing a text.
    public static func isUnstorableText(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server else { return false }
        return error.serverInfo?[.sqlState] == "22021"
    }
}

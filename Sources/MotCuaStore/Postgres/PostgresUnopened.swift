/// Không mở được PostgreSQL — the server named by a `postgres://` URL could not be used when MotCua opened it (wrong
/// host, password or database name, or down), told with what PostgreSQL said (`LoggedError`): PostgresNIO's own
/// description of its errors is a sentence that names nothing.
public struct PostgresUnopened: Error, CustomStringConvertible {
    public let cause: any Error

    public var description: String { "Không mở được cơ sở dữ liệu PostgreSQL: \(LoggedError.text(cause))" }
}

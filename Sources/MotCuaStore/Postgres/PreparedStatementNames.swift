import PostgresNIO
import Synchronization

/// Sổ câu lệnh chuẩn bị sẵn — which statement texts a PostgreSQL pool prepares, and under what names.
///
/// A text is prepared only after it has run `runsBeforePreparing` times without an error (so a statement that
/// cannot be prepared — a table not yet made, a mistake — is never remembered as failed on a connection), and at
/// most `limit` texts are: statements made for one occasion (a multi-row insert of an unusual size) then run as
/// before rather than filling each connection's memory. One name always means one text and one list of parameter
/// types, which is what PostgresNIO keeps per connection.
final class PreparedStatementNames: Sendable {
    static let runsBeforePreparing = 2
    static let limit = 512

    /// What identifies a statement to prepare: its text (`?` for each value) and the type of each value.
    struct Key: Hashable, Sendable {
        let text: String
        let kinds: [BoundStatement.Value.Kind]

        init(_ statement: BoundStatement) {
            text = statement.sqlite
            kinds = statement.values.map(\.kind)
        }
    }

    /// A statement prepared on the pool's connections: its name, its text in PostgreSQL's form, its parameters' types.
    struct Prepared: Sendable {
        let name: String
        let sql: String
        let types: [PostgresDataType]
    }

    private struct State {
        var prepared: [Key: Prepared] = [:]
        var runs: [Key: Int] = [:]
    }

    private let state = Mutex(State())

    /// The statement `key` is prepared as, or nil while it is to run unprepared.
    func prepared(_ key: Key) -> Prepared? {
        state.withLock { $0.prepared[key] }
    }

    /// Counts a run of `key` (whose text in PostgreSQL's form is `sql`) without preparing it; the run that makes
    /// it often enough gives it a name.
    func ran(_ key: Key, sql: String) {
        state.withLock { state in
            guard state.prepared.count < Self.limit, state.prepared[key] == nil else { return }
            let runs = state.runs[key, default: 0] + 1
            guard runs >= Self.runsBeforePreparing else {
                // Texts run once and never again are forgotten together, so the count cannot grow without end.
                if state.runs.count >= 4 * Self.limit { state.runs.removeAll() }
                state.runs[key] = runs
                return
            }
            state.runs[key] = nil
            state.prepared[key] = Prepared(name: "motcua_\(state.prepared.count + 1)", sql: sql,
                                           types: key.kinds.map(\.postgresType))
        }
    }
}

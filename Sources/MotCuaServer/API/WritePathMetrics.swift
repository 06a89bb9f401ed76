import MotCuaStore

/// Số đo đường ghi — how the database's writes went together, for `/metrics` in Prometheus's text format.
///
/// On SQLite, the writes the one writer committed and in how many transactions: writes per commit is how well group
/// commit shares each commit (and its pages) among the requests that came at once. On PostgreSQL, the intakes and
/// the rows kept alone that went in how many statements (`PostgresRounds`).
enum WritePathMetrics {
    static func text(of database: Database) -> String {
        if let commits = database.groupCommitStatistics {
            return counter("motcua_sqlite_writes_total", "Writes the SQLite writer committed.", [("", commits.writes)])
                + counter("motcua_sqlite_commits_total", "Transactions the SQLite writer committed, each with one write or more.",
                          [("", commits.commits)])
                + counter("motcua_sqlite_batches_rerun_total",
                          "Batches run again with a savepoint per write because one write failed after changing something.",
                          [("", commits.runsWithSavepoints)])
        }
        if let rounds = database.roundStatistics {
            let kinds = [(#"{kind="numbered"}"#, rounds.numbered), (#"{kind="inserted"}"#, rounds.inserted)]
            return counter("motcua_postgres_round_writes_total", "Writes that went in PostgreSQL statements shared by writes that came at once.",
                           kinds.map { ($0.0, $0.1.writes) })
                + counter("motcua_postgres_round_statements_total", "PostgreSQL statements those writes went in.",
                          kinds.map { ($0.0, $0.1.statements) })
        }
        return ""
    }

    /// One counter's help, type and samples, each sample its labels (`{…}`, or empty) and its value.
    private static func counter(_ name: String, _ help: String, _ samples: [(labels: String, value: Int)]) -> String {
        "# HELP \(name) \(help)\n# TYPE \(name) counter\n" + samples.map { "\(name)\($0.labels) \($0.value)\n" }.joined()
    }
}

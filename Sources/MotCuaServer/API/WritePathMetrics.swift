import MotCuaStore

/// Số đo đường ghi — how the database's writes went together, for `/metrics` in Prometheus's text format.
///
/// On SQLite, the writes the one writer committed and in how many transactions: writes per commit is how well group
/// commit shares each commit (and its pages) among the requests that came at once. On PostgreSQL, the intakes and
/// the rows kept alone that went in how many statements (`PostgresRounds`).
enum WritePathMetrics {
    static func text(of database: Database) -> String {
        if let commits = database.groupCommitStatistics {
            return PrometheusText.family("motcua_sqlite_writes_total", .counter, "Writes the SQLite writer committed.",
                                         [("", commits.writes)])
                + PrometheusText.family("motcua_sqlite_commits_total", .counter,
                                        "Transactions the SQLite writer committed, each with one write or more.", [("", commits.commits)])
                + PrometheusText.family("motcua_sqlite_batches_rerun_total", .counter,
                                        "Batches run again with a savepoint per write because one write failed after changing something.",
                                        [("", commits.runsWithSavepoints)])
        }
        if let rounds = database.roundStatistics {
            let kinds = [(#"{kind="numbered"}"#, rounds.numbered), (#"{kind="inserted"}"#, rounds.inserted)]
            return PrometheusText.family("motcua_postgres_round_writes_total", .counter,
                                         "Writes that went in PostgreSQL statements shared by writes that came at once.",
                                         kinds.map { ($0.0, $0.1.writes) })
                + PrometheusText.family("motcua_postgres_round_statements_total", .counter, "PostgreSQL statements those writes went in.",
                                        kinds.map { ($0.0, $0.1.statements) })
        }
        return ""
    }
}

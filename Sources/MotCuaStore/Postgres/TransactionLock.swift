import SQLKit

/// Khoá theo giao dịch — a PostgreSQL advisory lock held until the transaction ends, for writes that read what they
/// then add to (the latest version or number, the decisions or absences already recorded, whether a name is taken,
/// the rows they replace) and must not run twice at once for the same key: on PostgreSQL two such transactions would
/// both read the same state. On SQLite the one writer already runs writes one at a time, and taking the lock does
/// nothing. (7157, with no key, is the lock under which `Migrations` runs.)
enum TransactionLock: Int32 {
    /// A delegating agency's decisions (`DelegationStore.add`).
    case delegations = 7158
    /// A process's versions (`ProcessStore.insert`).
    case processVersions = 7159
    /// A dossier's numbered result files (`ResultFileStore.add`).
    case resultFiles = 7160
    /// A dossier's numbered supplements (`SupplementStore.add`).
    case supplements = 7161
    /// An officer's absences, which must not overlap (`AbsenceStore.add`).
    case absences = 7162
    /// An account's name, which must be new (`UserStore.add`).
    case accounts = 7163
    /// Reference data replaced row by row, removed then written again (`CatalogStore.save`, `CalendarStore.save`,
    /// `ReferenceStore`), keyed by table.
    case referenceData = 7164
    /// A citizen's draft, filed once (`OnlineFilingStore.filedAlready`).
    case onlineDrafts = 7165

    /// Takes the lock of `key` in this class, waiting for a transaction that holds it to end.
    func take(for key: String, in db: any SQLDatabase) async throws {
        guard db.dialect.name == "postgresql" else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(rawValue)), hashtext(\(bind: key)))").run()
    }
}

import Foundation
import MotCuaCore

/// Cấu hình — how a MotCua server runs: where its database is, where it listens, which province's calendar
/// and office hours it counts deadlines by.
public struct AppConfig: Sendable {
    /// A path to an SQLite file, or a `postgres://` URL.
    public var database: String
    public var host: String
    public var port: Int
    /// The province's GSO code (`01` for Hà Nội), which selects its announced calendar days.
    public var province: String
    public var workingHours: WorkingHours
    public var apologyLeadWorkingDays: Int
    /// Seconds between two sweeps of the SLA watch; 0 turns it off in this process.
    public var slaWatchSeconds: Int
    /// Where the files citizens upload are kept (each under its SHA-256).
    public var filesDirectory: String
    /// Seconds between two reads of the announced calendar days, so a change made on another server on the same
    /// database applies here too (a change made on this server applies at once).
    public var calendarRefreshSeconds = 60

    public init(database: String = "./motcua.sqlite", host: String = "127.0.0.1", port: Int = 8080,
                province: String = "01", workingHours: WorkingHours = .standard, apologyLeadWorkingDays: Int = 1,
                slaWatchSeconds: Int = 60, filesDirectory: String? = nil) {
        self.database = database
        self.host = host
        self.port = port
        self.province = province
        self.workingHours = workingHours
        self.apologyLeadWorkingDays = apologyLeadWorkingDays
        self.slaWatchSeconds = slaWatchSeconds
        self.filesDirectory = filesDirectory ?? Self.filesDirectory(beside: database)
    }

    /// Next to an SQLite file, a folder named after it (`motcua.sqlite` → `motcua-tep`); for PostgreSQL, `./motcua-tep`.
    static func filesDirectory(beside database: String) -> String {
        guard !database.hasPrefix("postgres"), database.hasSuffix(".sqlite") else { return "./motcua-tep" }
        return String(database.dropLast(".sqlite".count)) + "-tep"
    }
}

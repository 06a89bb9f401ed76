import Foundation
import MotCuaCore
import MotCuaStore

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
    /// Seconds a request lets the database take (`AnswerDeadline`) before it gives up and answers 503: on PostgreSQL
    /// over all its reads and writes, waits for a connection of the pool included; on SQLite for its write, its wait
    /// for the writer and its commit's flush included.
    public var databaseAnswerSeconds = AppConfig.defaultDatabaseAnswerSeconds
    public static let defaultDatabaseAnswerSeconds = 10
    /// Seconds an HTTP connection may stay idle — no request under way, or a request's head still coming in — before
    /// the server closes it: kept-alive connections nobody uses, and clients that send a request a byte at a time,
    /// would otherwise hold the server's open files until none is left (`OpenFileLimit`).
    public var idleConnectionSeconds = AppConfig.defaultIdleConnectionSeconds
    public static let defaultIdleConnectionSeconds = 60
    /// Thời hạn lưu bản nháp — days an online draft never filed is kept after its last change; its files go with it.
    public var draftRetentionDays = AppConfig.defaultDraftRetentionDays
    public static let defaultDraftRetentionDays = 30
    /// The reverse proxies in front of the server, whose `X-Forwarded-For` names the client.
    public var trustedProxies = TrustedProxies.none
    /// Where citizens sign in with the national e-ID; nil when no provider is configured (online filing then says so).
    public var eID: EIDSettings?
    /// The national population registry the desk fills applicants in from; nil when none is configured.
    public var registry: RegistrySettings?

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
    public static func filesDirectory(beside database: String) -> String {
        guard !Database.isPostgres(database), database.hasSuffix(".sqlite") else { return "./motcua-tep" }
        return String(database.dropLast(".sqlite".count)) + "-tep"
    }
}

/// Định danh điện tử quốc gia — the OpenID Connect provider citizens sign in with (VNeID, or `motcua sim idp` for
/// the demo and the tests) and who MotCua is to it.
public struct EIDSettings: Sendable {
    /// The provider's issuer; its discovery document is at `{issuer}/.well-known/openid-configuration`.
    public var issuer: String
    public var clientID: String
    /// The client's secret, sent with the code (client_secret_post); nil for a public client using PKCE alone.
    public var clientSecret: String?
    /// MotCua's own address as browsers reach it (`https://dichvucong.hanoi.gov.vn`), for the way back.
    public var publicURL: String

    public init(issuer: String, clientID: String, clientSecret: String?, publicURL: String) {
        self.issuer = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    /// Where the provider sends the browser back with its code.
    public var redirectURI: String { publicURL + EIDSettings.callbackPath }
    public static let callbackPath = "/dang-nhap/vneid/xong"
}

/// CSDL quốc gia về dân cư — where the population registry's look-up is and MotCua's key to it.
public struct RegistrySettings: Sendable {
    public var url: String
    public var apiKey: String

    public init(url: String, apiKey: String) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.apiKey = apiKey
    }
}

import Foundation
import Hummingbird
import Logging
import MotCuaCore
import MotCuaStore
import Prometheus
import ServiceLifecycle

/// Máy chủ MotCua — opens the database, brings its schema and reference data up to date, and builds the HTTP
/// application. `buildRouter` is apart so tests can run the router in process.
public enum MotCuaApp {
    /// Opens and prepares the database: migrations, then reference data where missing.
    public static func prepare(_ config: AppConfig, logger: Logger) async throws -> Database {
        let database = try await Database.open(config.database, logger: logger)
        do {
            try await Migrations.run(on: database)
            try await Seeder(database: database).seedReference()
            return database
        } catch {
            await database.close()
            throw error
        }
    }

    public static func buildApplication(_ config: AppConfig, database: Database, logger: Logger,
                                        now: @escaping @Sendable () -> Date = MotCuaApp.wallClock) async throws
        -> some ApplicationProtocol {
        let calendar = try await LiveCalendar.load(config, database: database)
        let router = try await buildRouter(config, database: database, calendar: calendar, now: now)
        var services: [any Service] = [LiveCalendar.Refresh(calendar: calendar, interval: .seconds(config.calendarRefreshSeconds),
                                                            logger: logger),
                                       RetentionSweep(database: database, files: try FileStore(directory: config.filesDirectory),
                                                      retentionDays: config.draftRetentionDays, interval: .seconds(3600), now: now,
                                                      logger: logger),
                                       AuditSealer(audit: AuditLog(database: database), interval: .seconds(1), logger: logger)]
        if config.slaWatchSeconds > 0 {
            // Unique per process, so the database lease tells servers apart.
            let holder = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString)"
            services.append(SLAWatch(database: database, holder: holder, interval: .seconds(config.slaWatchSeconds),
                                     now: now, logger: logger))
        }
        return Application(router: router,
                           server: .http1(configuration: .init(idleTimeout: .seconds(Int64(config.idleConnectionSeconds)))),
                           configuration: .init(address: .hostname(config.host, port: config.port), serverName: "MotCua"),
                           services: services, logger: logger)
    }

    public static func buildRouter(_ config: AppConfig, database: Database,
                                   now: @escaping @Sendable () -> Date = MotCuaApp.wallClock) async throws -> Router<AppRequestContext> {
        try await buildRouter(config, database: database, calendar: try await LiveCalendar.load(config, database: database), now: now)
    }

    static func buildRouter(_ config: AppConfig, database: Database, calendar: LiveCalendar,
                            now: @escaping @Sendable () -> Date) async throws -> Router<AppRequestContext> {
        let registry = PrometheusCollectorRegistry()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: registry))
        let outages = OutageLog()
        router.add(middleware: DatabaseErrorMiddleware(outages: outages, answerWithin: .seconds(config.databaseAnswerSeconds)))
        let reference = ReferenceCache(database: database)
        router.add(middleware: TokenAuthMiddleware(reference: reference, now: now))
        router.add(middleware: CitizenSessionMiddleware(citizens: CitizenStore(database: database), now: now))
        SystemController(database: database, registry: registry, files: config.filesDirectory).register(on: router)
        SessionController(users: UserStore(database: database), proxies: config.trustedProxies, now: now).register(on: router)
        CatalogController(database: database).register(on: router)
        CalendarController(database: database, calendar: calendar, now: now).register(on: router)
        let dossiers = DossierService(database: database, calendar: calendar, apologyLeadWorkingDays: config.apologyLeadWorkingDays,
                                      processes: ProcessLibrary(database: database),
                                      referenceCache: reference, now: now)
        DossierController(service: dossiers).register(on: router)
        FormsController(service: dossiers).register(on: router)
        ProcessController(database: database, now: now).register(on: router)
        WorkController(database: database, now: now).register(on: router)
        DelegationController(database: database, now: now).register(on: router)
        let pages = try await WebPages.load()
        pages.register(on: router)
        let files = try FileStore(directory: config.filesDirectory)
        // The HTML pages: an anti-forgery token for every browser, problems shown as pages; the officers' pages
        // need a session, the control office's the administrator role.
        let web = router.group().add(middleware: PageMiddleware(pages: pages, outages: outages))
        let officers = web.group().add(middleware: SignedInMiddleware())
        let administrators = officers.group().add(middleware: AdministratorMiddleware())
        PortalController(pages: pages, catalog: CatalogStore(database: database), now: now).register(on: web)
        SignInController(pages: pages, sessions: SessionController(users: UserStore(database: database), proxies: config.trustedProxies, now: now),
                         citizens: CitizenStore(database: database)).register(on: web)
        CitizenSignInController(provider: config.eID.map { EIDProvider(settings: $0) }, citizens: CitizenStore(database: database),
                                audit: AuditLog(database: database), now: now).register(on: web)
        TrackingController(pages: pages, service: dossiers, files: files).register(on: web)
        let populationRegistry = config.registry.map { PopulationRegistry(settings: $0) }
        OnlineFilingController(pages: pages, service: dossiers, files: files, registry: populationRegistry).register(on: web)
        CitizenDataController(pages: pages, database: database, files: files, now: now).register(on: web)
        WorkspaceController(pages: pages, service: dossiers).register(on: officers)
        DossierPageController(pages: pages, service: dossiers, files: files).register(on: officers)
        DeskIntakeController(pages: pages, service: dossiers, files: files, registry: populationRegistry).register(on: officers)
        AdminController(pages: pages, database: database, now: now).register(on: administrators)
        AdminCalendarController(pages: pages, calendar: calendar, now: now).register(on: administrators)
        AdminAgenciesController(pages: pages, database: database).register(on: administrators)
        return router
    }

    /// The real clock, in whole seconds (instants are stored to the second).
    public static let wallClock: @Sendable () -> Date = { Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) }
}

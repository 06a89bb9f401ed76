import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Kho dữ liệu và dữ liệu cá nhân của công dân — a signed-in citizen's own pages: their document store (what they
/// submitted and the results issued to them, each to download), and everything MotCua holds about them in one file
/// (Decree 13/2023: the data subject's right to their data): who they are, their dossiers, their documents with the
/// files themselves, and the audit entries about them. Each export is recorded in the audit trail. Only the citizen
/// signed in reaches their own; anyone else is sent to sign in.
struct CitizenDataController {
    let pages: WebPages
    let database: Database
    let files: FileStore
    let now: @Sendable () -> Date

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/cong-dan/kho", use: store)
        router.get("/cong-dan/kho/{id}", use: download)
        router.get("/cong-dan/du-lieu", use: export)
    }

    @Sendable func store(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let citizen = context.citizen else { return CitizenSignInController.redirect(returningTo: "/cong-dan/kho", level: .level1) }
        let documents = try await CitizenDocumentStore(database: database).documents(of: citizen.citizen.personalId)
        return try pages.render("citizen-documents", CitizenDocumentsPage(layout: PageLayout(title: "Kho dữ liệu của tôi", context: context),
                                                                          documents: documents))
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let citizen = context.citizen else { return CitizenSignInController.redirect(returningTo: "/cong-dan/kho", level: .level1) }
        let document = try await CitizenDocumentStore(database: database).document(id: try context.parameters.require("id"),
                                                                                    owner: citizen.citizen.personalId)
        return try await files.download(document?.file, name: document?.typeCode ?? "giay-to")
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let citizen = context.citizen else { return CitizenSignInController.redirect(returningTo: "/cong-dan/du-lieu", level: .level1) }
        let personalId = citizen.citizen.personalId
        try await AuditLog(database: database).record(actor: CitizenStore.actor(personalId), action: "cong-dan.xuat-du-lieu",
                                                      subject: personalId, at: now())
        let export = try await PersonalDataExport.gather(personalId: personalId, name: citizen.citizen.fullName,
                                                         birthDate: citizen.citizen.birthDate, database: database, files: files, at: now())
        var response = try APICoding.response(export)
        response.headers[.contentDisposition] = "attachment; filename=\"du-lieu-ca-nhan-\(personalId).json\""
        response.headers[.cacheControl] = "private, no-store"
        return response
    }
}

/// Kho dữ liệu của tôi — the citizen's documents as their page lists them.
struct CitizenDocumentsPage {
    struct Row {
        let title: String
        let typeCode: String
        let issuer: String
        let issuedOn: String
        let source: String
        let dossierCode: String
        let size: String
        /// The first 16 hex digits of the SHA-256, to compare with a copy.
        let checksum: String
        let href: String
    }

    let layout: PageLayout
    let documents: [Row]
    let hasDocuments: Bool

    init(layout: PageLayout, documents: [StoredDocument]) {
        self.layout = layout
        self.documents = documents.map {
            Row(title: $0.title, typeCode: $0.typeCode, issuer: $0.issuer.isEmpty ? "—" : $0.issuer,
                issuedOn: $0.issuedOn.flatMap(CivilDate.init(iso:))?.vietnamese ?? "—", source: $0.source.vietnameseName,
                dossierCode: $0.dossierCode ?? "—", size: VietnameseFormat.fileSize($0.file.size), checksum: String($0.file.sha256.prefix(16)),
                href: "/cong-dan/kho/\($0.id)")
        }
        hasDocuments = !documents.isEmpty
    }
}

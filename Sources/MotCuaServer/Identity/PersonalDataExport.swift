import Foundation
import MotCuaCore
import MotCuaStore

/// Dữ liệu cá nhân của tôi — everything MotCua holds about one citizen, as one JSON file they can keep or take
/// elsewhere: who they are (as the e-ID vouched), their dossiers (filed online or naming them as the applicant, with
/// the fields that came from the population registry), the documents in their store with the files themselves
/// (base64, with their SHA-256), and the audit entries they are the actor or subject of.
struct PersonalDataExport: Encodable {
    struct Person: Encodable {
        let personalId: String
        let fullName: String
        let birthDate: String?
        let firstSignedInAt: Date?
        let lastSignedInAt: Date?
    }

    struct DossierEntry: Encodable {
        let code: String
        let procedureCode: String
        let agencyCode: String
        let status: Int
        let receivedAt: Date
        let applicant: Applicant
        let filedOnlineAtLevel: String?
        let fieldsFromPopulationRegistry: [String]
    }

    struct Document: Encodable {
        let id: String
        let typeCode: String
        let title: String
        let issuer: String
        let issuedOn: String?
        let source: String
        let dossierCode: String?
        let fileName: String
        let mediaType: String
        let size: Int
        let sha256: String
        let contentBase64: String?
    }

    let exportedAt: Date
    let person: Person
    let dossiers: [DossierEntry]
    let documents: [Document]
    /// As the trail holds them, with their hashes, so the citizen can see them chained.
    let audit: [AuditLog.Entry]

    static func gather(personalId: String, name: String, birthDate: String?, database: Database, files: FileStore,
                       at now: Date) async throws -> Self {
        let citizens = CitizenStore(database: database)
        let signIns = try await citizens.signIns(of: personalId)
        var dossiers: [DossierEntry] = []
        for dossier in try await DossierStore(database: database).dossiers(ofApplicant: personalId) {
            let code = dossier.code
            dossiers.append(DossierEntry(code: code, procedureCode: dossier.procedureCode, agencyCode: dossier.agencyCode,
                                         status: dossier.state.status.rawValue, receivedAt: dossier.receivedAt, applicant: dossier.applicant,
                                         filedOnlineAtLevel: try await citizens.filer(of: code)?.level.acr,
                                         fieldsFromPopulationRegistry: try await RegistryReuseStore(database: database).fields(of: code)))
        }
        var documents: [Document] = []
        for kept in try await CitizenDocumentStore(database: database).documents(of: personalId) {
            documents.append(Document(id: kept.id, typeCode: kept.typeCode, title: kept.title, issuer: kept.issuer, issuedOn: kept.issuedOn,
                                      source: kept.source.rawValue, dossierCode: kept.dossierCode, fileName: kept.file.fileName,
                                      mediaType: kept.file.mediaType.rawValue, size: kept.file.size, sha256: kept.file.sha256,
                                      contentBase64: try await files.bytes(sha256: kept.file.sha256).map { Data($0).base64EncodedString() }))
        }
        let audit = try await AuditLog(database: database).entries(concerning: personalId)
        return Self(exportedAt: now, person: Person(personalId: personalId, fullName: name, birthDate: birthDate,
                                                       firstSignedInAt: signIns?.first, lastSignedInAt: signIns?.last),
                    dossiers: dossiers, documents: documents, audit: audit)
    }
}

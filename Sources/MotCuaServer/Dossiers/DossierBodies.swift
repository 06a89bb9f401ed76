import Foundation
import MotCuaCore

/// Yêu cầu tiếp nhận hồ sơ — the JSON a desk (or the portal) sends to receive a dossier.
struct IntakeBody: Decodable {
    let procedureCode: String
    /// The deciding agency; defaults to the receiving officer's own agency.
    let agencyCode: String?
    let channel: Int?
    let applicant: Applicant
    let unitKey: String?
    let documents: [ReceivedDocument]?
    let sets: Int?
    let request: String?
}

/// Yêu cầu chuyển trạng thái — the JSON of a transition.
struct TransitionBody: Decodable {
    let action: String
    let reason: String?
    let newDueAt: Date?
    /// The version the officer saw; a newer stored version means someone acted first (409).
    let expectedVersion: Int?
}

/// Hồ sơ như API trả về — a dossier with its status named, its clock, its current step and its verdict.
struct DossierBody: Encodable {
    let code: String
    let status: Int
    let statusName: String
    let procedureCode: String
    let procedureName: String
    let agencyCode: String
    let receivedByAgencyCode: String
    let channel: Int
    let applicant: Applicant
    let unitKey: String?
    let receivedAt: Date
    let receivedBy: String
    let dueAt: Date?
    let pausedAt: Date?
    let remainingWorkingSeconds: Int?
    let step: StepBody?
    let supplementRequests: Int
    let extensions: Int
    let endedAt: Date?
    let returnedAt: Date?
    let timeliness: String?
    let version: Int
    let documents: [ReceivedDocument]
    let sets: Int
    let request: String

    /// Bước hiện tại — the step the dossier is in, with its own appointment.
    struct StepBody: Encodable {
        let index: Int
        let name: String
        let unit: String
        let role: String
        let startedAt: Date?
        let dueAt: Date?
    }

    init(_ dossier: Dossier, steps: [ProcessStep]) {
        let state = dossier.state
        code = dossier.code
        status = state.status.rawValue
        statusName = state.status.vietnameseName
        procedureCode = dossier.procedureCode
        procedureName = dossier.procedureName
        agencyCode = dossier.agencyCode
        receivedByAgencyCode = dossier.receivedByAgencyCode
        channel = dossier.channel.rawValue
        applicant = dossier.applicant
        unitKey = dossier.unitKey
        receivedAt = dossier.receivedAt
        receivedBy = dossier.receivedBy
        dueAt = state.clock.due
        pausedAt = state.clock.pausedAt
        remainingWorkingSeconds = state.clock.remainingWorkingSeconds
        if let index = state.stepIndex, index < steps.count, !state.status.endsProcessing {
            let current = steps[index]
            step = StepBody(index: index, name: current.name, unit: current.unit, role: current.role.rawValue,
                            startedAt: state.stepStartedAt, dueAt: state.stepDue)
        } else {
            step = nil
        }
        supplementRequests = state.supplementRequests
        extensions = state.extensions
        endedAt = state.endedAt
        returnedAt = state.returnedAt
        timeliness = state.timeliness?.rawValue
        version = state.version
        documents = dossier.documents
        sets = dossier.sets
        request = dossier.request
    }
}

/// Một trang kết quả — a page of a list, with the total count for paging.
struct PageBody<Item: Encodable>: Encodable {
    let items: [Item]
    let total: Int
    let limit: Int
    let offset: Int
}

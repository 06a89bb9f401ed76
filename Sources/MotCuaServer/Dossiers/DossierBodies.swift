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
    /// The work item acted on, when the officer has several open.
    let workItem: Int?
    /// The way chosen at the process's next choice.
    let decision: String?
    /// The officer a leader gives the item to.
    let assignee: String?
    /// What a partner agency issued, completing its hand-off.
    let result: String?
}

/// Hồ sơ như API trả về — a dossier with its status named, its clock, its work items and its verdict.
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
    let process: ProcessBinding?
    /// Under whose authority the dossier is decided.
    let authority: Authority?
    /// Every work item so far, oldest first; the open ones are where the dossier is now.
    let workItems: [WorkItemBody]
    /// The nearest step deadline among the open items.
    let stepDueAt: Date?
    let supplementRequests: Int
    let extensions: Int
    let endedAt: Date?
    let returnedAt: Date?
    let timeliness: String?
    let version: Int
    let documents: [ReceivedDocument]
    let sets: Int
    let request: String

    init(_ dossier: Dossier) {
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
        process = dossier.process
        authority = dossier.authority
        workItems = (state.work?.items ?? []).map(WorkItemBody.init)
        stepDueAt = state.stepDue
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

/// Công việc như API trả về — one work item with its own clock and, once closed, how its deadline was kept.
struct WorkItemBody: Encodable {
    let id: Int
    let name: String
    let agencyCode: String
    let unit: String
    let role: String
    let isHandOff: Bool
    let open: Bool
    let assignee: String?
    let openedAt: Date
    let dueAt: Date?
    let pausedAt: Date?
    let closedAt: Date?
    let closedBy: String?
    let decision: String?
    let result: String?
    let timeliness: String?
    let warnedAt: Date?
    let escalatedAt: Date?

    init(_ item: WorkItem) {
        id = item.id
        name = item.name
        agencyCode = item.agencyCode
        unit = item.unit
        role = item.role.rawValue
        isHandOff = item.isHandOff
        open = item.isOpen
        assignee = item.assignee
        openedAt = item.openedAt
        dueAt = item.clock.due
        pausedAt = item.clock.pausedAt
        closedAt = item.closedAt
        closedBy = item.closedBy
        decision = item.decision
        result = item.result
        timeliness = item.timeliness?.rawValue
        warnedAt = item.warnedAt
        escalatedAt = item.escalatedAt
    }
}

/// Các kết quả của hồ sơ — the results a dossier's process issues and the verdict on the whole.
struct ResultsBody: Encodable {
    let code: String
    /// The verdict once processing has ended: late if the dossier or any other agency's part was late.
    let timeliness: String?
    let lateByHandOff: Bool
    let parts: [ResultPart]
}

/// Một trang kết quả — a page of a list, with the total count for paging.
struct PageBody<Item: Encodable>: Encodable {
    let items: [Item]
    let total: Int
    let limit: Int
    let offset: Int
}

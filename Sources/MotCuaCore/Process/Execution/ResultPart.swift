import Foundation

/// Kết quả thành phần — one of the results an interlinked filing (liên thông: one dossier, several agencies,
/// several results) gives the applicant: the document, the agency that issues it and by when, and once issued
/// its number and whether that agency kept its own deadline.
public struct ResultPart: Hashable, Sendable, Codable {
    /// How far the part has come.
    public enum Progress: String, Hashable, Sendable, Codable {
        /// Chưa đến — the process has not reached the node that issues it.
        case notReached = "chua-den"
        case inProgress = "dang-xu-ly"
        case issued = "da-cap"
    }

    /// The process node that issues the document.
    public let nodeId: String
    /// e.g. "Thẻ bảo hiểm y tế".
    public let document: String
    /// The partner's own procedure, for a hand-off that names it (e.g. `1.004194`, permanent residence).
    public let procedureCode: String?
    public let agencyCode: String
    public let progress: Progress
    /// The officer holding the part now (nil in a unit's queue or once issued).
    public let holder: String?
    public let dueAt: Date?
    public let issuedAt: Date?
    /// Số, ký hiệu — the number the issuing officer recorded.
    public let reference: String?
    public let timeliness: Timeliness?

    /// The parts of a dossier, in the order the process names them; empty for a process that names no results.
    public static func parts(of dossier: Dossier, process: ProcessDefinition) -> [ResultPart] {
        process.nodes.compactMap { node -> ResultPart? in
            guard let document = node.issuedResult else { return nil }
            let item = dossier.state.work?.items.last { $0.nodeId == node.id }
            var procedureCode: String?
            var agencyCode = dossier.agencyCode
            if case .handOff(let kind, let procedure, _) = node.kind {
                procedureCode = procedure
                agencyCode = dossier.process?.partners[kind]?.agencyCode ?? kind
            }
            let progress: Progress = switch item {
            case nil: .notReached
            case let item? where item.isOpen: .inProgress
            default: .issued
            }
            return ResultPart(nodeId: node.id, document: document, procedureCode: procedureCode,
                              agencyCode: item?.agencyCode ?? agencyCode, progress: progress,
                              holder: item?.isOpen == true ? item?.assignee : nil, dueAt: item?.clock.due,
                              issuedAt: item?.closedAt, reference: item?.result, timeliness: item?.timeliness)
        }
    }
}

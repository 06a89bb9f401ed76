import Foundation

/// Quy tắc tiếp nhận — who may receive a dossier for which agency, and what a received dossier may contain.
///
/// Since 1 July 2025 (Decree 118/2025/NĐ-CP) a citizen may file anywhere in the province: a Public
/// Administration Service Centre receives for every agency; any other desk receives only for its own agency.
public enum IntakeRules {
    public static let maxDocuments = 100
    public static let maxCopiesPerDocument = 100
    public static let maxDocumentNameLength = 500
    public static let maxSets = 20
    public static let maxRequestLength = 2000

    /// Whether the agency is competent to decide the procedure; the problem names `agencyCode` otherwise.
    public static func competenceProblem(procedure: Procedure, agency: Agency) -> FieldProblem? {
        guard agency.kind != procedure.agencyKind else { return nil }
        return FieldProblem(field: "agencyCode",
                            message: "\(agency.name) không có thẩm quyền giải quyết thủ tục này (\(procedure.competentAgency)).")
    }

    /// The desk that receives a dossier for `deciding`, among the agencies where the officer is a desk officer:
    /// the deciding agency's own desk if the officer sits there, otherwise a service centre's; nil if neither.
    public static func receivingAgency(for deciding: Agency, deskAgencies: [Agency]) -> Agency? {
        deskAgencies.first { $0.code == deciding.code } ?? deskAgencies.first { $0.kind == Agency.serviceCentreKind }
    }

    /// The first problem with the documents, number of sets or request text, or nil.
    public static func contentProblem(documents: [ReceivedDocument], sets: Int, request: String) -> FieldProblem? {
        if documents.count > maxDocuments {
            return FieldProblem(field: "documents", message: "Tối đa \(maxDocuments) giấy tờ.")
        }
        let counts = 0...maxCopiesPerDocument
        if let index = documents.firstIndex(where: {
            $0.name.trimmed.isEmpty || $0.name.hasMoreCharacters(than: maxDocumentNameLength)
                || !counts.contains($0.originals) || !counts.contains($0.copies)
        }) {
            return FieldProblem(field: "documents[\(index)]",
                                message: "Giấy tờ cần tên (tối đa \(maxDocumentNameLength) ký tự) và số bản từ 0 đến \(maxCopiesPerDocument).")
        }
        if !(1...maxSets).contains(sets) {
            return FieldProblem(field: "sets", message: "Số bộ hồ sơ từ 1 đến \(maxSets).")
        }
        if request.hasMoreCharacters(than: maxRequestLength) {
            return FieldProblem(field: "request", message: "Nội dung yêu cầu dài quá \(maxRequestLength) ký tự.")
        }
        return nil
    }
}

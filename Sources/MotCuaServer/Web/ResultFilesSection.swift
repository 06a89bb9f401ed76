import Foundation
import MotCuaCore
import MotCuaStore

/// Tệp kết quả trên trang hồ sơ — the result documents attached to a dossier, each to open, and the form to attach
/// one, offered only to an officer who may attach it now (`ResultFileRules`); comes back with the title typed and
/// the problem when refused.
struct ResultFilesSection {
    let lines: [FormLink]
    let hasLines: Bool
    let mayAttach: Bool
    let title: String
    let error: String?

    init(dossier: Dossier, entries: [ResultFileStore.Entry], roles: Set<OfficerRole>, defaultTitle: String, typedTitle: String?,
         error: String?) {
        lines = entries.map { entry in
            FormLink(href: "/can-bo/ho-so/\(dossier.code)/ket-qua/\(entry.sequence)",
                     label: "\(entry.title): \(entry.file.fileName) (\(VietnameseFormat.fileSize(entry.file.size)), "
                        + "\(WorkingCalendar.vietnamese(entry.attachedAt)))")
        }
        hasLines = !entries.isEmpty
        mayAttach = ResultFileRules.mayAttach(status: dossier.state.status, roles: roles)
        title = typedTitle ?? defaultTitle
        self.error = error
    }
}

import MotCuaCore
import SQLKit

extension AttachedFile {
    /// Tệp trong một dòng — the file a row names in the columns every file table shares (`file_name`,
    /// `media_type`, `size`, `sha256`), as the document `documentIndex` of the dossier named `documentName`; nil
    /// when the row names no file (a note sent alone) or a type MotCua does not keep.
    init?(row: any SQLRow, documentIndex: Int, documentName: String) throws {
        guard let sha256 = try row.decode(column: "sha256", as: String?.self),
              let type = UploadRules.MediaType(rawValue: try row.decode(column: "media_type", as: String?.self) ?? "") else { return nil }
        self.init(documentIndex: documentIndex, documentName: documentName,
                  fileName: try row.decode(column: "file_name", as: String?.self) ?? "", mediaType: type,
                  size: try row.decode(column: "size", as: Int?.self) ?? 0, sha256: sha256)
    }
}
